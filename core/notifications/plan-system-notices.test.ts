import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';
import { changeAdministration } from '../../test/fakes/notification-settings-builders';

/** Rules under which an Add order goes straight to the backend, which refuses the Voicemail. */
const noSteps = { isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null };

async function failingBackend() {
  const h = await workflowHarness(noSteps);
  const fail = () => {
    h.deps.backend.fail('Voicemail', 'unrecoverable', 'Unity Connection refused the mailbox');
    return h.core.placeWorkOrder({
      actor: h.as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Enhanced Phone Service',
      attributes: { Phone: { phoneType: '7945' } },
    });
  };
  /** System alerts the administrators got: where, which type, which orders. */
  const alerts = () =>
    [
      ...h.slack.notices.filter((n) => n.notice.kind === 'system-alert').map((n) => ({ to: n.to, notice: n.notice })),
      ...h.deps.email.notices.filter((n) => n.notice.kind === 'system-alert').map((n) => ({ to: n.to, notice: n.notice })),
    ].map(({ to, notice }) => [
      typeof to === 'string' ? to : to.kind === 'user' ? to.platformUserId : to.label,
      notice.kind === 'system-alert' ? notice.eventType : null,
      notice.kind === 'system-alert' ? notice.events.map((e) => e.orderNumber) : null,
    ]);
  return { ...h, fail, alerts };
}

describe('order failures go to the Administration notification group', () => {
  it('at once, without a window: each administrator in chat and by email, with what failed', async () => {
    const { deps, fail, alerts } = await failingBackend();
    await fail();
    expect(alerts()).toEqual([
      ['UADA', 'order-failure', ['WO-000001']],
      ['ada@provbot.example', 'order-failure', ['WO-000001']],
    ]);
    const alert = deps.email.notices.find((n) => n.notice.kind === 'system-alert')!.notice;
    expect(alert).toMatchObject({
      events: [
        {
          type: 'order-failure',
          domain: 'acme.example',
          summary: 'Order WO-000001 failed provisioning Voicemail (unrecoverable error): Unity Connection refused the mailbox',
        },
      ],
    });
  });

  it("with the group's external addresses and channels", async () => {
    const { deps, fail, alerts } = await failingBackend();
    await changeAdministration(deps.notificationSettings, {
      externalEmails: ['noc@partner.example'],
      chatDestinations: [{ platform: 'slack', address: 'C0NOC', label: '#noc' }],
    });
    await fail();
    expect(alerts()).toEqual([
      ['UADA', 'order-failure', ['WO-000001']],
      ['#noc', 'order-failure', ['WO-000001']],
      ['ada@provbot.example', 'order-failure', ['WO-000001']],
      ['noc@partner.example', 'order-failure', ['WO-000001']],
    ]);
  });

  it('with an aggregation window: nothing until it closes, then one alert per destination with every failure in it', async () => {
    const { core, deps, fail, alerts } = await failingBackend();
    await changeAdministration(deps.notificationSettings, { aggregationMinutes: 15 });
    await fail();
    deps.clock.advanceMinutes(5);
    await fail();
    expect(alerts()).toEqual([]);
    deps.clock.advanceMinutes(9);
    expect(await core.sendDueDigests()).toEqual({ digests: 0, events: 0 });
    deps.clock.advanceMinutes(1);
    expect(await core.sendDueDigests()).toEqual({ digests: 2, events: 2 });
    expect(alerts()).toEqual([
      ['UADA', 'order-failure', ['WO-000001', 'WO-000002']],
      ['ada@provbot.example', 'order-failure', ['WO-000001', 'WO-000002']],
    ]);
  });

  it('an event type the group did not select is not sent', async () => {
    const { deps, fail, alerts } = await failingBackend();
    await changeAdministration(deps.notificationSettings, { events: ['delivery-failure'] });
    await fail();
    expect(alerts()).toEqual([]);
    expect(deps.outbox.digests).toEqual([]);
  });
});
