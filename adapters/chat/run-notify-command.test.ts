import { describe, expect, it } from 'vitest';
import type { Actor, ChatDestination, Core } from '../../core/index';
import { settingsHarness } from '../../test/fakes/settings-harness';
import { presentError } from '../presenters/present-error';
import { viewToText } from '../presenters/view';
import type { CommandPlace } from './run-command';
import { runCommand } from './run-command';

const CHANNEL: ChatDestination = { platform: 'slack', address: 'C0OPS', label: '#prov-ops' };
const IN_CHANNEL: CommandPlace = { here: CHANNEL, private: true };
const SHARED_CHAT: CommandPlace = {
  here: { platform: 'teams', address: '{"conversation":{"id":"19:x"}}', label: 'Ops / General' },
  private: false,
};
const DIRECT: CommandPlace = { here: null, private: true };

/** What the user reads: the reply, or the error as the platform listener renders it. */
async function say(core: Core, actor: Actor, text: string, place: CommandPlace = DIRECT): Promise<string> {
  try {
    const reply = await runCommand(core, actor, text, '/prov ', place);
    if ('kind' in reply) throw new Error('unexpected form');
    return viewToText(reply);
  } catch (err) {
    return viewToText(presentError(err, 'ref'));
  }
}

describe('/prov notify, from the words to what the administrator reads', () => {
  it("sets a domain group and answers with the domain's settings in the seed's words", async () => {
    const h = await settingsHarness();
    const text = await say(
      h.core,
      h.dora,
      'notify set acme.example approval emails=it-lead@acme.example,noc@partner.example aggregation=30m escalation=2h',
    );
    expect(text).toContain('Notification settings of acme.example saved');
    expect(text).toContain('  External email addresses: it-lead@acme.example, noc@partner.example');
    expect(text).toContain('  Aggregation window: 30 minutes');
    expect(text).toContain('  Escalation window: 2 hours');
    expect(text).toContain('  System users (always notified): April Approver <april@acme.example>, Arthur Approver <arthur@acme.example>');
    expect(text).toContain('  Aggregation window: Not Set: each event is sent at once');
    expect(h.deps.notificationSettings.domains.get('acme.example')?.groups.Approval.escalationMinutes).toBe(120);
  });

  it('names the field and the problem for a bad value, and saves nothing', async () => {
    const h = await settingsHarness();
    expect(await say(h.core, h.dora, 'notify set acme.example approval aggregation=8d add-email=ok@x.example')).toContain(
      "That didn't work\nApproval group aggregation window: Must be at most a week (10080 minutes), or off.",
    );
    expect(await say(h.core, h.dora, 'notify set acme.example approval add-email=not-an-address')).toContain(
      'Approval group email addresses: "not-an-address" is not an email address',
    );
    expect(await say(h.core, h.dora, 'notify set acme.example approval aggregation=soon')).toContain(
      'aggregation takes a window like 30m, 2h or 1d, or off; got "soon".',
    );
    expect(h.deps.notificationSettings.domains.size).toBe(0);
  });

  it('tells someone who is not an Administrator why not', async () => {
    const h = await settingsHarness();
    expect(await say(h.core, h.as('april'), 'notify show acme.example')).toContain(
      "You can't see the notification settings of acme.example: it needs the Administrator role in acme.example.",
    );
  });

  it('shows the SMTP password as set, never its value, and refuses one typed where others read it', async () => {
    const h = await settingsHarness();
    const command = 'notify set system smtp host=mx.provbot.example from=bot@provbot.example password=Hunter2-secret';
    expect(await say(h.core, h.ada, command, SHARED_CHAT)).toContain('Not saved: a password in a shared conversation');
    expect(h.deps.notificationSettings.system).toBeNull();
    const saved = await say(h.core, h.ada, command, DIRECT);
    expect(saved).toContain('Password: set');
    expect(saved).not.toContain('Hunter2-secret');
    expect(await say(h.core, h.ada, 'notify show system')).not.toContain('Hunter2-secret');
  });

  it('registers the channel it is typed in, and refuses in a direct chat', async () => {
    const h = await settingsHarness();
    expect(await say(h.core, h.dora, 'notify channel here acme.example approval', DIRECT)).toContain(
      'Run this in the channel that should receive notifications',
    );
    const text = await say(h.core, h.dora, 'notify channel here acme.example approval', IN_CHANNEL);
    expect(text).toContain('#prov-ops now gets the notices of the Approval group of acme.example');
    expect(h.deps.notificationSettings.domains.get('acme.example')?.groups.Approval.chatDestinations).toEqual([CHANNEL]);
    expect(await say(h.core, h.dora, 'notify show acme.example')).toContain('  Chat destinations: #prov-ops (Slack)');
    expect(await say(h.core, h.dora, 'notify test channel acme.example approval')).toContain(
      'Test notice posted to 1 of 1 chat destination of the Approval group of acme.example',
    );
    expect(await say(h.core, h.dora, 'notify channel remove acme.example approval', IN_CHANNEL)).toContain(
      '#prov-ops no longer gets the notices of the Approval group of acme.example',
    );
  });

  it("sends a test email with the values entered, reports the server's error, and saves nothing", async () => {
    const h = await settingsHarness();
    const ok = await say(
      h.core,
      h.dora,
      'notify test dora@acme.example acme.example smtp host=mx.acme.example port=2525 from=p@acme.example',
    );
    expect(ok).toContain('Test email sent to dora@acme.example');
    expect(ok).toContain('Sent through mx.acme.example:2525');
    expect(ok).toContain('A successful test does not save the settings');
    h.deps.email.failWith = '454 4.7.0 TLS not available';
    const failed = await say(h.core, h.dora, 'notify test dora@acme.example acme.example smtp host=mx.acme.example from=p@acme.example');
    expect(failed).toContain('Test email to dora@acme.example failed');
    expect(failed).toContain('Tried through mx.acme.example. 454 4.7.0 TLS not available');
    expect(h.deps.notificationSettings.domains.size).toBe(0);
  });

  it('saves the template for new domains only unless apply=all, and says what happened to the existing ones', async () => {
    const h = await settingsHarness();
    expect(await say(h.core, h.ada, 'notify set template approval aggregation=1h')).toContain(
      'The 2 existing domains keep the settings they had',
    );
    expect(await say(h.core, h.ada, 'notify set template approval aggregation=1h apply=all')).toContain(
      'Applied to all domains: the 2 existing domains now work by these groups',
    );
    expect(await say(h.core, h.ada, 'notify set template smtp host=mx.example')).toContain('cannot be changed in the Domain template');
  });

  it('`notify outbox` shows what waits and what died to an administrator of every domain, and `retry` sends the dead again', async () => {
    const h = await settingsHarness();
    expect(await say(h.core, h.ada, 'notify outbox')).toContain('Nothing is waiting to go out.');
    expect(await say(h.core, h.ada, 'notify outbox retry')).toContain('No notice was given up on.');
    expect(await say(h.core, h.dora, 'notify outbox')).toContain('Administrator role in every domain');
  });

  it('`notify show` alone gives an overview; `notify` alone the keys', async () => {
    const h = await settingsHarness();
    const overview = await say(h.core, h.ada, 'notify show');
    expect(overview).toContain("Mail server: not set: provbot's own mail settings are used");
    expect(overview).toContain('  Approval: 0 addresses, 0 chat destinations, aggregation off, escalation off');
    expect(overview).toContain('  acme.example: follows the template');
    expect(await say(h.core, h.ada, 'notify')).toContain(
      '/prov notify set <domain>|template <approval|assignment|shipping|receiving> key=value',
    );
  });
});
