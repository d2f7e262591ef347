import { describe, expect, it } from 'vitest';
import { DOMAIN, workflowHarness } from '../../test/fakes/core-harness';
import { changeDomainGroups } from '../../test/fakes/notification-settings-builders';
import type { RecordingChatNotifier } from '../../test/fakes/recording-notifiers';
import { targetKey } from './delivery';
import type { ChatNotice, EmailNotice } from './notice';

/**
 * "Any other value makes the system wait after an event to occur, for the time set in
 * the aggregation window. During this time, if other related events occur, an
 * aggregated notification with details of all such events is sent in a single email."
 * Here: the Approval group aggregates for 30 minutes, with an external address and a
 * Slack channel; notices are dispatched as soon as they are written.
 */
async function aggregating(minutes = 30) {
  const h = await workflowHarness();
  await changeDomainGroups(h.deps.notificationSettings, DOMAIN, {
    Approval: {
      aggregationMinutes: minutes,
      externalEmails: ['approvals@partner.example'],
      chatDestinations: [{ platform: 'slack', address: 'C0APPROVALS', label: '#approvals' }],
    },
  });
  const place = () =>
    h.core.placeWorkOrder({
      actor: h.as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
  return { ...h, place };
}

type Seen = { to: string; notice: ChatNotice | EmailNotice };
type Notifiers = {
  deps: { email: { notices: { to: string; notice: EmailNotice }[] } };
  slack: RecordingChatNotifier;
  teams: RecordingChatNotifier;
};
/** How much each notifier had sent: what a later `sentSince` leaves out. */
const mark = (h: Notifiers) => ({ slack: h.slack.notices.length, teams: h.teams.notices.length, email: h.deps.email.notices.length });
/** Everything sent anywhere (since `from`), by destination. */
function sentSince(h: Notifiers, from = { slack: 0, teams: 0, email: 0 }): Seen[] {
  const chat = (n: RecordingChatNotifier, skip: number) =>
    n.notices.slice(skip).map((x) => ({ to: targetKey({ channel: 'chat', platform: n.platform, to: x.to }), notice: x.notice }));
  return [
    ...chat(h.slack, from.slack),
    ...chat(h.teams, from.teams),
    ...h.deps.email.notices.slice(from.email).map((x) => ({ to: `email:${x.to}`, notice: x.notice })),
  ];
}
const itemCount = (s: Seen) => (s.notice.kind === 'digest' ? s.notice.items.length : 1);
const APPROVAL_DESTINATIONS = [
  'email:approvals@partner.example',
  'email:april@acme.example',
  'email:arthur@acme.example',
  targetKey({ channel: 'chat', platform: 'slack', to: { kind: 'conversation', address: 'C0APPROVALS', label: '' } }),
  'slack:user:UAPRIL',
  'slack:user:UARTHUR',
  'teams:user:aad-april',
].sort();

describe('sendDueDigests: aggregation windows', () => {
  it('500 approvals within the window: nothing until it closes, then exactly one digest per destination with all 500', async () => {
    const h = await aggregating();
    const { core, deps, place } = h;
    const start = deps.clock.now().getTime();
    for (let i = 0; i < 500; i += 1) {
      await place();
      deps.clock.advanceMs(3_000);
    }
    deps.clock.set(new Date(start + 30 * 60_000 - 1).toISOString());
    expect(await core.sendDueDigests()).toEqual({ digests: 0, events: 0 });
    expect(sentSince(h)).toEqual([]);

    deps.clock.set(new Date(start + 30 * 60_000).toISOString());
    expect(await core.sendDueDigests()).toEqual({ digests: 7, events: 500 });
    const sent = sentSince(h);
    expect(sent.map((s) => s.to).sort()).toEqual(APPROVAL_DESTINATIONS);
    expect(sent.every((s) => s.notice.kind === 'digest' && s.notice.eventType === 'Approval' && s.notice.items.length === 500)).toBe(true);
    const digest = sent[0]!.notice;
    expect(digest.kind === 'digest' && digest.items.map((i) => i.order.number).slice(0, 2)).toEqual(['WO-000001', 'WO-000002']);
    expect(await core.sendDueDigests()).toEqual({ digests: 0, events: 0 });
  });

  it('approvals and assignments go in separate digests, each when its own window closes', async () => {
    const h = await aggregating();
    const { core, deps, place, as } = h;
    await changeDomainGroups(deps.notificationSettings, DOMAIN, { Assignment: { aggregationMinutes: 30 } });
    const approvals = [];
    for (let i = 0; i < 3; i += 1) approvals.push((await place()).activities[0]!);
    deps.clock.advanceMinutes(10);
    for (const a of approvals.slice(0, 2)) await core.actOnActivity({ actor: as('april'), activityId: a.id, action: { kind: 'approve' } });

    deps.clock.advanceMinutes(20);
    await core.sendDueDigests();
    const first = sentSince(h);
    const afterFirst = mark(h);
    expect(first.map((s) => s.to).sort()).toEqual(APPROVAL_DESTINATIONS);
    // Decided since: listed with their outcome.
    const digest = first.find((s) => s.to === 'slack:user:UAPRIL')!.notice;
    expect(digest.kind === 'digest' && digest.items.map((i) => i.activity.status)).toEqual(['Done', 'Done', 'Open']);

    deps.clock.advanceMinutes(10);
    expect(await core.sendDueDigests()).toEqual({ digests: 2, events: 2 });
    const second = sentSince(h, afterFirst);
    expect(second.map((s) => [s.to, s.notice.kind, s.notice.kind === 'digest' && s.notice.eventType, itemCount(s)]).sort()).toEqual([
      ['email:sam@acme.example', 'digest', 'Assignment', 2],
      ['slack:user:USAM', 'digest', 'Assignment', 2],
    ]);
  });

  it('an event after the window closed goes in the next batch, at the end of its own window', async () => {
    const h = await aggregating();
    const { core, deps, place } = h;
    await place();
    await place();
    deps.clock.advanceMinutes(31);
    const late = (await place()).activities[0]!;
    await core.sendDueDigests();
    expect(sentSince(h).map(itemCount)).toEqual(Array(7).fill(2));
    const afterFirst = mark(h);

    deps.clock.advanceMinutes(29);
    expect(await core.sendDueDigests()).toEqual({ digests: 0, events: 0 });
    deps.clock.advanceMinutes(1);
    expect(await core.sendDueDigests()).toEqual({ digests: 7, events: 1 });
    // A digest of one event is the event itself, with its buttons.
    const next = sentSince(h, afterFirst);
    expect(next.map((s) => s.notice.kind === 'activity' && s.notice.activity.id)).toEqual(Array(7).fill(late.id));
  });

  it('the window in force when the event occurred applies: lengthening it later does not hold back an event already waiting', async () => {
    const h = await aggregating(30);
    const { core, deps, place } = h;
    await place();
    deps.clock.advanceMinutes(1);
    await changeDomainGroups(deps.notificationSettings, DOMAIN, { Approval: { aggregationMinutes: 60 } });
    deps.clock.advanceMinutes(29);
    expect(await core.sendDueDigests()).toEqual({ digests: 7, events: 1 });
    const afterFirst = mark(h);

    const later = (await place()).activities[0]!;
    deps.clock.advanceMinutes(30);
    expect(await core.sendDueDigests()).toEqual({ digests: 0, events: 0 });
    deps.clock.advanceMinutes(30);
    expect(await core.sendDueDigests()).toEqual({ digests: 7, events: 1 });
    expect(sentSince(h, afterFirst).map((s) => s.notice.kind === 'activity' && s.notice.activity.id)).toEqual(Array(7).fill(later.id));
  });

  it('a group with no window tells its people at once while an aggregating one waits', async () => {
    const h = await aggregating();
    const { deps, place, slack } = h;
    await changeDomainGroups(deps.notificationSettings, DOMAIN, { Shipping: { events: ['Shipping', 'Approval'] } });
    await place();
    expect(
      sentSince(h)
        .map((s) => s.to)
        .sort(),
    ).toEqual(['email:shane@acme.example', 'teams:user:aad-shane']);
    expect(slack.notices).toEqual([]);
  });
});
