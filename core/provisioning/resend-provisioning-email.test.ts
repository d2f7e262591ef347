import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../test/fakes/core-harness';
import { slackActor } from '../../test/fakes/actors';
import { ALICE, BOB, OLIVE, ADMIN, orderIntake } from '../../test/fixtures/orders';
import { CoreError } from '../errors';

async function setup() {
  const h = coreHarness();
  await h.core.intakeOrder(orderIntake());
  const alice = await h.core.registerUser(ALICE);
  return { ...h, alice };
}

describe('resend provisioning email', () => {
  it('sends it again to the current contact, records Sent, and names the sender to allowlist', async () => {
    const { core, deps, alice } = await setup();
    deps.email.provisioningEmails.length = 0;
    deps.clock.advanceDays(1);

    const result = await core.resendProvisioningEmail({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: [2] });

    expect(result).toMatchObject({
      kind: 'resent',
      attempts: [{ lineNumber: 2, to: 'it@customer.example', status: 'Sent' }],
      senderAddress: 'provbot@partner.example',
    });
    expect(deps.email.provisioningEmails.map((e) => [e.line.lineNumber, e.to])).toEqual([[2, 'it@customer.example']]);
    const line2 = (await core.getOrder('ORD-1')).lines[1]!;
    expect(line2.provisioningEmailSentAt).toEqual(deps.clock.now());
    const [latest] = deps.transactions.rows.slice(-1);
    expect(latest).toMatchObject({ kind: 'resend', status: 'Sent', channel: 'slack', actor: { email: ALICE.email } });
  });

  it('works on a closed line whose provisioning is still pending, but not past the PONR', async () => {
    const { core, deps, alice } = await setup();
    deps.clock.advanceDays(8);
    await core.closeExpiredLines();
    expect((await core.getOrder('ORD-1')).lines.map((l) => l.status)).toEqual(['Closed', 'Closed']);

    const ok = await core.resendProvisioningEmail({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: [1] });
    expect(ok).toMatchObject({ kind: 'resent', attempts: [{ status: 'Sent' }] });

    await core.markOrganizationOnboarded('ORD-1', { lines: [1], organizationId: 'org-9' });
    const before = structuredClone(deps.transactions.rows);
    const refused = await core.resendProvisioningEmail({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: [1] }).catch((e) => e);
    expect(refused).toBeInstanceOf(CoreError);
    expect(refused).toMatchObject({ code: 'PAST_PONR', details: { lineNumbers: [1], adminPortalUrl: 'https://admin.webex.com' } });
    expect(deps.transactions.rows).toEqual(before);
  });

  it('with "all", skips lines past the PONR and reports them', async () => {
    const { core, alice } = await setup();
    await core.markOrganizationOnboarded('ORD-1', { lines: [1], organizationId: 'org-9' });
    const result = await core.resendProvisioningEmail({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: 'all' });
    expect(result).toMatchObject({ kind: 'resent', attempts: [{ lineNumber: 2 }], skipped: [{ lineNumber: 1, reason: 'past-ponr' }] });
  });

  it('refuses before the requested start date: the initial email has not gone out', async () => {
    const h = coreHarness();
    await h.core.intakeOrder(orderIntake({ number: 'ORD-F', requestedStartDate: '2026-12-01' }));
    const alice = await h.core.registerUser(ALICE);
    const err = await h.core.resendProvisioningEmail({ actor: slackActor(alice), orderNumber: 'ORD-F', lines: 'all' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'INVALID_STATE' });
    expect(h.deps.email.provisioningEmails).toEqual([]);
  });

  it('a resend while the mail server is down is not lost: Pending, then sent once when the server is back', async () => {
    const { core, deps, alice } = await setup();
    const sentBefore = (await core.getOrder('ORD-1')).lines[0]!.provisioningEmailSentAt;
    deps.email.provisioningEmails.length = 0;
    deps.clock.advanceDays(1);
    deps.email.failWith = 'connect ECONNREFUSED 127.0.0.1:2525';
    const result = await core.resendProvisioningEmail({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: [1] });
    expect(result).toMatchObject({ kind: 'resent', attempts: [{ lineNumber: 1, status: 'Pending', error: null }] });
    expect((await core.getOrder('ORD-1')).lines[0]!.provisioningEmailSentAt).toEqual(sentBefore);
    expect(deps.transactions.rows.at(-1)).toMatchObject({ kind: 'resend', status: 'Pending' });

    deps.email.failWith = null;
    deps.clock.advanceMinutes(1);
    await core.dispatchDeliveries();
    await core.dispatchDeliveries();
    expect(deps.email.provisioningEmails.map((e) => e.line.lineNumber)).toEqual([1]);
    expect(deps.transactions.rows.at(-1)).toMatchObject({ kind: 'resend', status: 'Sent', completedAt: deps.clock.now() });
    expect((await core.getOrder('ORD-1')).lines[0]!.provisioningEmailSentAt).toEqual(deps.clock.now());
  });

  it('records Failed with the server words once the outbox gives up, and keeps the last-sent time', async () => {
    const { core, deps, alice } = await setup();
    const sentBefore = (await core.getOrder('ORD-1')).lines[0]!.provisioningEmailSentAt;
    deps.clock.advanceDays(1);
    deps.email.failWith = 'connect ECONNREFUSED 127.0.0.1:2525';
    await core.resendProvisioningEmail({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: [1] });
    // The outbox retries for a day (backoff capped at 5 minutes) before it gives up.
    for (let i = 0; i < 24 * 12 + 2; i += 1) {
      deps.clock.advanceMinutes(5);
      await core.dispatchDeliveries();
    }
    expect((await core.getOrder('ORD-1')).lines[0]!.provisioningEmailSentAt).toEqual(sentBefore);
    expect(deps.transactions.rows.at(-1)).toMatchObject({ status: 'Failed', error: 'connect ECONNREFUSED 127.0.0.1:2525' });
  });

  it('names unknown orders to those who may act on every order, and unknown lines to those who may act on this one', async () => {
    const { core, alice } = await setup();
    const admin = await core.registerUser(ADMIN);
    await expect(core.resendProvisioningEmail({ actor: slackActor(admin), orderNumber: 'ORD-404', lines: 'all' })).rejects.toMatchObject({
      code: 'ORDER_NOT_FOUND',
    });
    await expect(core.resendProvisioningEmail({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: [7] })).rejects.toMatchObject({
      code: 'LINE_NOT_FOUND',
      details: { lineNumbers: [7], existing: [1, 2] },
    });
  });

  it('lets Ordering users of the domain and administrators act, and asks the placer for anyone else', async () => {
    const { core, deps, slack } = await setup();
    const olive = await core.registerUser(OLIVE);
    const admin = await core.registerUser(ADMIN);
    const bob = await core.registerUser(BOB);
    await expect(core.resendProvisioningEmail({ actor: slackActor(olive), orderNumber: 'ORD-1', lines: [1] })).resolves.toMatchObject({
      kind: 'resent',
    });
    await expect(core.resendProvisioningEmail({ actor: slackActor(admin), orderNumber: 'ORD-1', lines: [1] })).resolves.toMatchObject({
      kind: 'resent',
    });

    const sent = deps.email.provisioningEmails.length;
    const asked = await core.resendProvisioningEmail({ actor: slackActor(bob), orderNumber: 'ORD-1', lines: [1] });
    expect(asked).toEqual({ kind: 'access-requested', orderNumber: 'ORD-1', state: 'sent' });
    expect([...deps.accessRequests.requests.values()]).toMatchObject([{ approver: { email: ALICE.email }, status: 'Pending' }]);
    expect(deps.email.provisioningEmails.length).toBe(sent);
    expect(slack.sent).toHaveLength(1);
  });
});
