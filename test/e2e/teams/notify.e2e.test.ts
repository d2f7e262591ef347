import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, DomainSettingsView } from '../../../core/index';
import { channelChat, personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import type { TeamsChat } from '../../fakes/bot-activities';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import { startBannerServer, SSH_BANNER } from '../../fakes/tcp-banner-server';
import { say } from './conversation';
import { startTeamsBot } from './teams-bot';
import type { TeamsBot } from './teams-e2e-helpers';
import { cardText } from './teams-e2e-helpers';

const DOMAIN = 'acme.example';
const DORA = teamsUser('dora', 'Dora Domain-Admin', 'dora@acme.example');
const ADA = teamsUser('ada', 'Ada Admin', 'ada@provbot.example');
/** The channel of test/fakes/bot-activities channelChat, without the thread its message is in. */
const CHANNEL_ID = '19:general@thread.tacv2';

const READER: Actor = {
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

describe('notify in Teams against the running bot', () => {
  let bot: TeamsBot;
  const dm = (user = DORA) => personalChat(bot.connector.url, user);
  const ask = async (chat: TeamsChat, text: string, user = DORA) => cardText(await say(bot, chat, user, text));
  const settings = async () =>
    (await bot.core.getNotificationSettings({ actor: READER, scope: { kind: 'domain', domain: DOMAIN } })) as DomainSettingsView;

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [rosterEntry(DORA), rosterEntry(ADA)] });
    await bot.core.registerUser({ email: DORA.email, name: DORA.name, roles: [{ role: 'Administrator', domain: DOMAIN }] });
    await bot.core.registerUser({ email: ADA.email, name: ADA.name, roles: [{ role: 'Administrator', domain: '*' }] });
    await bot.core.registerUser({ email: 'shane@acme.example', name: 'Shane Shipper', roles: [{ role: 'Shipping', domain: DOMAIN }] });
  });
  afterAll(() => bot?.stop());

  it("sets a domain group from a personal chat and answers with the settings in the seed's words", async () => {
    const text = await ask(dm(), `notify set ${DOMAIN} shipping add-email=dock@acme.example aggregation=45m`);
    expect(text).toContain(`Notification settings of ${DOMAIN} saved`);
    expect(text).toContain('dock@acme.example');
    expect(text).toContain('45 minutes');
    expect(text).toContain('Shane Shipper <shane@acme.example>');
    expect((await settings()).groups.Shipping).toMatchObject({ externalEmails: ['dock@acme.example'], aggregationMinutes: 45 });
  });

  it('names the field and the problem for a bad value, and saves nothing', async () => {
    const before = await settings();
    expect(await ask(dm(), `notify set ${DOMAIN} shipping aggregation=0m add-email=x@acme.example`)).toContain(
      'Shipping group aggregation window: Must be at least 1 minute, or off.',
    );
    expect(await ask(dm(), `notify set ${DOMAIN} shipping remove-email=nobody@acme.example`)).toContain(
      'Shipping group email addresses: nobody@acme.example is not on the list.',
    );
    expect(await settings()).toEqual(before);
  });

  it('refuses an SMTP password typed in a channel, where everyone reads it; takes it in a personal chat and never shows it', async () => {
    const command = 'notify set system smtp host=mx.provbot.example from=bot@provbot.example password=Teams-typed-pw9';
    const system = () => bot.core.getNotificationSettings({ actor: READER, scope: { kind: 'system' } });
    const before = await system();
    expect(await ask(channelChat(bot.connector.url), command, ADA)).toContain('Not saved: a password in a shared conversation');
    expect(await system()).toEqual(before);
    const saved = await ask(dm(ADA), command, ADA);
    expect(saved).toContain('System notification settings saved');
    expect(saved).not.toContain('Teams-typed-pw9');
    expect(await system()).toMatchObject({ smtp: { host: 'mx.provbot.example', passwordSet: true } });
  });

  it('registers the channel it is typed in (as the channel, not the thread), posts a test notice there, and refuses in a personal chat', async () => {
    expect(await ask(dm(), `notify channel here ${DOMAIN} approval`)).toContain(
      'Run this in the channel that should receive notifications',
    );
    const channel = channelChat(bot.connector.url);
    expect(await ask(channel, `notify channel here ${DOMAIN} approval`)).toContain(
      `Teams channel now gets the notices of the Approval group of ${DOMAIN}`,
    );
    // Registered again by someone else: still one destination.
    expect(await ask(channel, `notify channel here ${DOMAIN} approval`, ADA)).toContain('already gets the notices');
    const [destination, ...more] = (await settings()).groups.Approval.chatDestinations;
    expect(more).toEqual([]);
    expect(destination).toMatchObject({ platform: 'teams', label: 'Teams channel' });
    expect(JSON.parse(destination!.address)).toMatchObject({
      conversation: { id: CHANNEL_ID, conversationType: 'channel' },
      serviceUrl: bot.connector.url,
    });

    const before = bot.connector.calls.length;
    expect(await ask(dm(), `notify test channel ${DOMAIN} approval`)).toContain('Test notice posted to 1 of 1 chat destination');
    expect(bot.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === CHANNEL_ID)).toHaveLength(1);

    expect(await ask(channel, `notify channel remove ${DOMAIN} approval`)).toContain('Teams channel no longer gets the notices');
    expect((await settings()).groups.Approval.chatDestinations).toEqual([]);
  });

  it("a domain's Administrator's test keeps the system password at its own server, and names another service in words", async () => {
    const system = await startSmtpTestServer({ auth: { user: 'bot', pass: 'System-pw-0099' } });
    const theirs = await startSmtpTestServer({ auth: { user: 'bot', pass: 'anything' } });
    const ssh = await startBannerServer();
    try {
      await ask(
        dm(ADA),
        `notify set system smtp host=127.0.0.1 port=${system.port} user=bot password=System-pw-0099 from=bot@provbot.example`,
        ADA,
      );
      const refused = await ask(dm(), `notify test dora@acme.example ${DOMAIN} smtp host=127.0.0.1 port=${theirs.port}`);
      expect(refused).toContain('SMTP password: Type it to test another server, port or user name');
      expect(theirs.logins).toEqual([]);

      const probed = await ask(dm(), `notify test dora@acme.example ${DOMAIN} smtp host=127.0.0.1 port=${ssh.port} user=`);
      expect(probed).toContain(`the mail server at 127.0.0.1:${ssh.port} is not an SMTP server`);
      expect(probed).not.toContain(SSH_BANNER.slice(0, 7));
    } finally {
      await ssh.stop();
      await theirs.stop();
      await system.stop();
    }
  });
});
