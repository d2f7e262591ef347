import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, DomainSettingsView } from '../../../core/index';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import { startBannerServer, SSH_BANNER } from '../../fakes/tcp-banner-server';
import type { SlackUserRef } from '../../../scripts/bench/slack/slack-signing';
import { API_TOKEN, SIGNING_SECRET, startSlackE2E, U, visibleText } from './slack-e2e-harness';
import type { SlackE2E } from './slack-e2e-harness';

/** Dora administers acme.example; Ada every domain. Alice holds no role anywhere. */
const DORA = { id: 'UDORA', name: 'dora' } satisfies SlackUserRef;
const ADA = { id: 'UADA', name: 'ada' } satisfies SlackUserRef;
const DOMAIN = 'acme.example';

let h: SlackE2E;
beforeAll(async () => {
  h = await startSlackE2E();
  await h.seedUsers();
  for (const user of [
    { email: 'dora@acme.example', name: 'Dora Domain-Admin', slackUserId: DORA.id, roles: [{ role: 'Administrator', domain: DOMAIN }] },
    { email: 'ada@provbot.example', name: 'Ada Admin', slackUserId: ADA.id, roles: [{ role: 'Administrator', domain: '*' }] },
    { email: 'april@acme.example', name: 'April Approver', roles: [{ role: 'Approval', domain: DOMAIN }] },
  ]) {
    const res = await fetch(`${h.bot.url}/api/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });
    expect(res.status).toBe(200);
  }
}, 30_000);
afterAll(() => h?.stop());

/** `/prov <text>` typed in `channel` (a D… id is a direct message); returns what the user reads. */
async function ask(user: SlackUserRef, text: string, channel = 'C0PROVOPS') {
  const responseUrl = h.api.responseUrl();
  const res = await postSigned(h.events, slashCommandBody({ text, user, responseUrl, channelId: channel }), { secret: SIGNING_SECRET });
  expect(res.status).toBe(200);
  const { body } = await h.reply(responseUrl);
  expect(body.response_type).toBe('ephemeral');
  return visibleText(body);
}

/** What is stored, as the API would read it (an Administrator everywhere). */
const domainSettings = async () =>
  (await h.core.getNotificationSettings({ actor: API_READER, scope: { kind: 'domain', domain: DOMAIN } })) as DomainSettingsView;
const API_READER: Actor = {
  channel: 'api',
  name: 'test reader',
  email: null,
  platformUserId: null,
  user: {
    id: 'reader',
    email: 'reader@provbot.invalid',
    name: 'test reader',
    slackUserId: null,
    teamsUserId: null,
    roles: [{ role: 'Administrator', domain: '*' }],
  },
};

describe('/prov notify in Slack', () => {
  it("a domain's Administrator sets a group and sees the settings in the seed's words", async () => {
    const text = await ask(
      DORA,
      `notify set ${DOMAIN} approval emails=<mailto:lead@acme.example|lead@acme.example>,noc@partner.example aggregation=2h escalation=1d`,
    );
    expect(text).toContain(`Notification settings of ${DOMAIN} saved`);
    expect(text).toContain('lead@acme.example, noc@partner.example');
    expect(text).toContain('2 hours');
    expect(text).toContain('1 day');
    expect(text).toContain('April Approver');
    expect(await domainSettings()).toMatchObject({
      groups: {
        Approval: { externalEmails: ['lead@acme.example', 'noc@partner.example'], aggregationMinutes: 120, escalationMinutes: 1440 },
      },
    });
  });

  it('refuses a bad value naming the field, and saves nothing', async () => {
    const before = await domainSettings();
    const text = await ask(DORA, `notify set ${DOMAIN} shipping add-email=ok@acme.example escalation=9d`);
    expect(text).toContain('Shipping group escalation window: Must be at most a week (10080 minutes), or off.');
    expect(await ask(DORA, `notify set ${DOMAIN} receiving aggregation=later`)).toContain(
      'aggregation takes a window like 30m, 2h or 1d, or off; got "later".',
    );
    expect(await domainSettings()).toEqual(before);
  });

  it('tells someone without the role why not', async () => {
    expect(await ask(U.alice, `notify show ${DOMAIN}`)).toContain(
      `You can't see the notification settings of ${DOMAIN}: it needs the Administrator role in ${DOMAIN}.`,
    );
    expect(await ask(DORA, 'notify show system')).toContain('it needs the Administrator role in every domain (*)');
  });

  it('shows the system SMTP password as set, never its value', async () => {
    const saved = await ask(
      ADA,
      'notify set system smtp host=mx.provbot.example port=2525 user=bot password=Slack-typed-pw1 from=bot@provbot.example',
    );
    expect(saved).toMatch(/\*Password\*\nset\b/);
    expect(saved).not.toContain('Slack-typed-pw1');
    expect(await ask(ADA, 'notify show system')).not.toContain('Slack-typed-pw1');
  });

  it('registers the channel it is typed in, posts a test notice there, and refuses in a DM', async () => {
    expect(await ask(DORA, `notify channel here ${DOMAIN} approval`, 'D0DORADM')).toContain(
      'Run this in the channel that should receive notifications',
    );
    const text = await ask(DORA, `notify channel here ${DOMAIN} approval`, 'C0PROVOPS');
    expect(text).toContain(`#general now gets the notices of the Approval group of ${DOMAIN}`);
    expect((await domainSettings()).groups.Approval.chatDestinations).toEqual([
      { platform: 'slack', address: 'C0PROVOPS', label: '#general' },
    ]);

    const before = h.api.callsTo('chat.postMessage').length;
    expect(await ask(DORA, `notify test channel ${DOMAIN} approval`)).toContain('Test notice posted to 1 of 1 chat destination');
    const posted = h.api.callsTo('chat.postMessage').slice(before);
    expect(posted).toEqual([expect.objectContaining({ args: expect.objectContaining({ channel: 'C0PROVOPS' }) })]);

    h.api.failing.set('chat.postMessage', 'not_in_channel');
    try {
      expect(await ask(DORA, `notify test channel ${DOMAIN} approval`)).toContain('not_in_channel');
    } finally {
      h.api.failing.delete('chat.postMessage');
    }
    expect(await ask(DORA, `notify channel remove ${DOMAIN} approval`, 'C0PROVOPS')).toContain('#general no longer gets the notices');
    expect((await domainSettings()).groups.Approval.chatDestinations).toEqual([]);
  });
});

describe('/prov notify test in Slack: the system SMTP password and other services', () => {
  it("a domain's Administrator cannot send the inherited system password to a server of their choosing", async () => {
    const system = await startSmtpTestServer({ auth: { user: 'bot', pass: 'System-pw-0042' } });
    const theirs = await startSmtpTestServer({ auth: { user: 'bot', pass: 'anything' } });
    try {
      const saved = await ask(
        ADA,
        `notify set system smtp host=127.0.0.1 port=${system.port} user=bot password=System-pw-0042 from=bot@provbot.example`,
        'D0ADADM',
      );
      expect(saved).toContain('System notification settings saved');
      // Through the server the system's password was saved for, the test goes out.
      expect(await ask(DORA, `notify test dora@acme.example ${DOMAIN}`)).toContain('Test email sent to dora@acme.example');

      const refused = await ask(DORA, `notify test dora@acme.example ${DOMAIN} smtp host=127.0.0.1 port=${theirs.port}`);
      expect(refused).toContain('SMTP password: Type it to test another server, port or user name');
      expect(theirs.logins).toEqual([]);
      expect(system.logins).toEqual([{ user: 'bot', pass: 'System-pw-0042' }]);
    } finally {
      await theirs.stop();
      await system.stop();
    }
  });

  it('says a service that is not a mail server is not one, without its banner', async () => {
    const ssh = await startBannerServer();
    try {
      const text = await ask(
        DORA,
        `notify test dora@acme.example ${DOMAIN} smtp host=127.0.0.1 port=${ssh.port} user= from=dora@acme.example`,
      );
      expect(text).toContain('Test email to dora@acme.example failed');
      expect(text).toContain(`the mail server at 127.0.0.1:${ssh.port} is not an SMTP server`);
      expect(text).not.toContain(SSH_BANNER.slice(0, 7));
    } finally {
      await ssh.stop();
    }
  });
});
