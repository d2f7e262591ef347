import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../test/fakes/core-harness';
import { slackActor } from '../../test/fakes/actors';
import { ALICE, orderIntake } from '../../test/fixtures/orders';

describe('order intake and the provisioning schedule', () => {
  it('sends the provisioning emails at intake when the RSD is today or past, and fixes the policy window', async () => {
    const { core, deps } = coreHarness('2026-11-23T10:00:00Z');
    const order = await core.intakeOrder(orderIntake({ requestedStartDate: '2026-11-23' }));
    expect(deps.email.provisioningEmails.map((e) => e.to)).toEqual(['it@customer.example', 'it@customer.example']);
    expect(order.lines[0]).toMatchObject({ status: 'Awaiting Provisioning Details', windowEndsAt: new Date('2026-11-30T10:00:00Z') });
    expect(deps.transactions.rows.map((r) => [r.kind, r.status, r.channel])).toEqual([
      ['initial-email', 'Sent', 'system'],
      ['initial-email', 'Sent', 'system'],
    ]);
  });

  it('waits for a future RSD, then the scheduler sends each line once', async () => {
    const { core, deps } = coreHarness('2026-11-23T10:00:00Z');
    await core.intakeOrder(orderIntake({ requestedStartDate: '2026-11-24', offer: 'Collaboration Flex' }));
    expect(deps.email.provisioningEmails).toEqual([]);
    await core.sendDueProvisioningEmails();
    expect(deps.email.provisioningEmails).toEqual([]);

    deps.clock.set('2026-11-24T00:01:00Z');
    await core.sendDueProvisioningEmails();
    await core.sendDueProvisioningEmails();
    expect(deps.email.provisioningEmails).toHaveLength(2);
    expect((await core.getOrder('ORD-1')).lines[0]!.windowEndsAt).toEqual(new Date('2026-12-24T00:01:00Z'));
  });

  it('queues the initial email while the mail server is down and sends it once when it is back: history Pending, then Sent', async () => {
    const { core, deps } = coreHarness();
    deps.email.failWith = 'connection refused';
    await core.intakeOrder(orderIntake());
    expect(deps.email.provisioningEmails).toEqual([]);
    expect(deps.transactions.rows.map((r) => r.status)).toEqual(['Pending', 'Pending']);

    deps.email.failWith = null;
    deps.clock.advanceMinutes(1);
    await core.dispatchDeliveries();
    expect(deps.email.provisioningEmails.map((e) => e.line.lineNumber).sort()).toEqual([1, 2]);
    expect(deps.transactions.rows.map((r) => r.status)).toEqual(['Sent', 'Sent']);
    // The policy window starts when the email is sent, not when it was queued.
    expect((await core.getOrder('ORD-1')).lines[0]).toMatchObject({
      provisioningEmailSentAt: deps.clock.now(),
      windowEndsAt: new Date('2026-11-30T10:01:00Z'),
    });
    await core.dispatchDeliveries();
    await core.sendDueProvisioningEmails();
    expect(deps.email.provisioningEmails).toHaveLength(2);
  });

  it('an initial email the outbox gives up on is Failed with the server words, and the next tick queues it again', async () => {
    const { core, deps } = coreHarness();
    deps.email.failWith = 'connection refused';
    await core.intakeOrder(orderIntake());
    // The outbox retries for a day (backoff capped at 5 minutes) before it gives up.
    for (let i = 0; i < 24 * 12 + 2; i += 1) {
      deps.clock.advanceMinutes(5);
      await core.dispatchDeliveries();
    }
    expect(deps.transactions.rows.map((r) => [r.status, r.error])).toEqual([
      ['Failed', 'connection refused'],
      ['Failed', 'connection refused'],
    ]);
    expect((await core.getOrder('ORD-1')).lines[0]!.provisioningEmailSentAt).toBeNull();

    deps.email.failWith = null;
    await core.sendDueProvisioningEmails();
    expect(deps.email.provisioningEmails).toHaveLength(2);
    expect(deps.transactions.rows.map((r) => r.status)).toEqual(['Failed', 'Failed', 'Sent', 'Sent']);
  });

  it('closes lines when the window ends: 7 days for A-Flex, 30 for other offers; billing begins', async () => {
    const { core, deps } = coreHarness('2026-11-23T10:00:00Z');
    await core.intakeOrder(orderIntake({ number: 'FLEX', offer: 'A-Flex-3' }));
    await core.intakeOrder(orderIntake({ number: 'OTHER', offer: 'Collaboration Flex' }));
    deps.clock.set('2026-11-30T09:59:00Z');
    expect(await core.closeExpiredLines()).toEqual([]);
    deps.clock.set('2026-11-30T10:00:00Z');
    expect((await core.closeExpiredLines()).map((c) => c.orderNumber)).toEqual(['FLEX', 'FLEX']);
    deps.clock.set('2026-12-23T10:00:00Z');
    expect((await core.closeExpiredLines()).map((c) => c.orderNumber)).toEqual(['OTHER', 'OTHER']);
  });

  it('refuses a duplicate number and invalid bodies, storing nothing', async () => {
    const { core, deps } = coreHarness();
    await core.intakeOrder(orderIntake());
    await expect(core.intakeOrder(orderIntake())).rejects.toMatchObject({ code: 'CONFLICT' });
    const bad = await core.intakeOrder(orderIntake({ number: 'ORD-2', requestedStartDate: '2026-02-30', lines: [] })).catch((e) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.details.fields).toEqual([
      { field: 'requestedStartDate', message: 'Not a calendar date.' },
      { field: 'lines', message: 'Give at least one.' },
    ]);
    expect([...deps.orders.orders.keys()]).toEqual(['ORD-1']);
  });

  it('status shows each line with its PONR state, days left and pending provisioning after closing', async () => {
    const { core, deps } = coreHarness('2026-11-23T10:00:00Z');
    await core.intakeOrder(orderIntake({ requestedStartDate: '2026-11-23' }));
    const alice = await core.registerUser(ALICE);
    deps.clock.set('2026-11-25T10:00:00Z');
    await core.markOrganizationOnboarded('ORD-1', { lines: [2], organizationId: 'org-7' });
    let status = await core.getOrderStatus({ actor: slackActor(alice), orderNumber: 'ORD-1' });
    expect(status.lines.map((l) => [l.lineNumber, l.daysLeft, l.pastPonr, l.organizationId])).toEqual([
      [1, 5, false, null],
      [2, 5, true, 'org-7'],
    ]);
    deps.clock.set('2026-12-01T10:00:00Z');
    await core.closeExpiredLines();
    status = await core.getOrderStatus({ actor: slackActor(alice), orderNumber: 'ORD-1' });
    expect(status.lines.map((l) => [l.status, l.provisioningStillPending, l.daysLeft])).toEqual([
      ['Closed', true, null],
      // Onboarding is not setup: past the PONR the window still runs out and billing begins.
      ['Closed', true, null],
    ]);
  });
});
