import { describe, expect, it } from 'vitest';
import { settingsHarness } from '../../test/fakes/settings-harness';
import type { ChatDestination } from './notification-settings';

const OPS: ChatDestination = { platform: 'slack', address: 'C0OPS', label: '#prov-ops' };
const TEAM: ChatDestination = { platform: 'teams', address: '{"conversation":{"id":"19:ops@thread.tacv2"}}', label: 'Provisioning / Ops' };
const approvals = { kind: 'domain' as const, domain: 'acme.example', group: 'Approval' as const };

describe('registerChatDestination, removeChatDestination and testChatDestinations', () => {
  it('registers the channel for a group once, however often it is asked, and removes it', async () => {
    const h = await settingsHarness();
    const first = await h.core.registerChatDestination({ actor: h.dora, scope: approvals, destination: OPS });
    expect(first).toEqual({ scope: approvals, changed: true, destinations: [OPS] });
    expect(
      (await h.core.registerChatDestination({ actor: h.dora, scope: { ...approvals, domain: 'ACME.example' }, destination: OPS })).changed,
    ).toBe(false);
    expect(h.deps.notificationSettings.domains.get('acme.example')?.groups.Approval.chatDestinations).toEqual([OPS]);

    expect(await h.core.removeChatDestination({ actor: h.dora, scope: approvals, destination: OPS })).toEqual({
      scope: approvals,
      changed: true,
      destinations: [],
    });
    expect((await h.core.removeChatDestination({ actor: h.dora, scope: approvals, destination: OPS })).changed).toBe(false);
    expect(h.deps.notificationSettings.domains.get('acme.example')?.groups.Approval.chatDestinations).toEqual([]);
  });

  it("registers a channel for the system's Administration group, for Administrators of every domain only", async () => {
    const h = await settingsHarness();
    await expect(h.core.registerChatDestination({ actor: h.dora, scope: { kind: 'system' }, destination: OPS })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'send notices of the system Administration group' },
    });
    await h.core.registerChatDestination({ actor: h.ada, scope: { kind: 'system' }, destination: TEAM });
    expect(h.deps.notificationSettings.system?.administration.chatDestinations).toEqual([TEAM]);
  });

  it("refuses someone who is not the domain's Administrator, and saves nothing", async () => {
    const h = await settingsHarness();
    await expect(h.core.registerChatDestination({ actor: h.as('april'), scope: approvals, destination: OPS })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'send notices of the Approval group of acme.example', reason: 'it needs the Administrator role in acme.example' },
    });
    expect(h.deps.notificationSettings.domains.size).toBe(0);
  });

  it('posts a test notice to each registered channel now and says, per channel, whether it arrived', async () => {
    const h = await settingsHarness();
    for (const destination of [OPS, TEAM]) await h.core.registerChatDestination({ actor: h.dora, scope: approvals, destination });
    h.slack.refuseNext(1, { permanent: true }, 'not_in_channel: invite the bot to #prov-ops');
    const tested = await h.core.testChatDestinations({ actor: h.dora, scope: approvals });
    expect(tested.results).toEqual([
      { destination: OPS, ok: false, problem: 'not_in_channel: invite the bot to #prov-ops' },
      { destination: TEAM, ok: true, problem: null },
    ]);
    expect(h.teams.notices).toEqual([
      expect.objectContaining({
        to: { kind: 'conversation', address: TEAM.address, label: TEAM.label },
        notice: { kind: 'test', scope: 'the Approval group of acme.example' },
      }),
    ]);
  });

  it('says so when a channel is on a platform this bot is not connected to, or the post fails', async () => {
    const h = await settingsHarness();
    await h.core.registerChatDestination({ actor: h.dora, scope: approvals, destination: OPS });
    await h.core.registerChatDestination({ actor: h.dora, scope: approvals, destination: TEAM });
    h.deps.chat.splice(1, 1);
    h.slack.failNext(1, 'socket hang up');
    const { results } = await h.core.testChatDestinations({ actor: h.dora, scope: approvals });
    expect(results.map((r) => r.problem)).toEqual([
      expect.stringMatching(/^the post failed \(ref [0-9a-f]{8}\)$/),
      'provbot is not connected to Teams here',
    ]);
  });
});
