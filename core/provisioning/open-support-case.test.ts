import { describe, expect, it } from 'vitest';
import { coreHarness, SUPPORT_EMAIL } from '../../test/fakes/core-harness';
import { slackActor } from '../../test/fakes/actors';
import { ALICE, BOB, orderIntake } from '../../test/fixtures/orders';
import { MAX_CASE_DESCRIPTION } from './open-support-case';

async function setup() {
  const h = coreHarness();
  await h.core.intakeOrder(orderIntake());
  const alice = slackActor(await h.core.registerUser(ALICE));
  const bob = slackActor(await h.core.registerUser(BOB));
  const openCase = (input: { lines?: number[] | 'all'; description?: string; requestType?: 'resend' | 'contact' | null }, actor = alice) =>
    h.core.openSupportCase({
      actor,
      orderNumber: 'ORD-1',
      lines: input.lines ?? 'all',
      description: input.description ?? 'The contact says the email never arrives.',
      requestType: input.requestType ?? null,
    });
  const supportEmails = () => h.deps.email.notices.filter((n) => n.notice.kind === 'support-case');
  return { ...h, alice, bob, openCase, supportEmails };
}

describe('open a support case', () => {
  it('records the case, emails it to the support address with the order and its history, and shows it in history', async () => {
    const { core, deps, alice, openCase, supportEmails } = await setup();
    await core.resendProvisioningEmail({ actor: alice, orderNumber: 'ORD-1', lines: [2] });

    const result = await openCase({ lines: [2] });

    expect(result).toMatchObject({
      kind: 'case-opened',
      supportCase: { number: 'CASE-1', lineNumbers: [2], requestType: 'resend', sentTo: SUPPORT_EMAIL, openedBy: { email: ALICE.email } },
    });
    const [sent] = supportEmails();
    expect(sent?.to).toBe(SUPPORT_EMAIL);
    expect(sent?.notice).toMatchObject({
      kind: 'support-case',
      supportCase: { number: 'CASE-1' },
      order: { number: 'ORD-1' },
      history: { cases: [{ number: 'CASE-1' }] },
    });
    if (sent?.notice.kind !== 'support-case') throw new Error('no support-case email');
    expect(sent.notice.history.transactions.map((t) => t.kind)).toEqual(['resend', 'initial-email', 'initial-email']);
    const history = await core.getOrderHistory({ actor: alice, orderNumber: 'ORD-1' });
    expect(history.cases.map((c) => c.number)).toEqual(['CASE-1']);
    expect(deps.supportCases.rows).toHaveLength(1);
  });

  it('infers the type of request from what was tried last on those lines, and numbers cases in sequence', async () => {
    const { core, alice, openCase } = await setup();
    await core.resendProvisioningEmail({ actor: alice, orderNumber: 'ORD-1', lines: [1] });
    await core.changeProvisioningContact({ actor: alice, orderNumber: 'ORD-1', lines: [1], email: 'new@customer.example' });
    await core.resendProvisioningEmail({ actor: alice, orderNumber: 'ORD-1', lines: [2] });

    await expect(openCase({ lines: [1] })).resolves.toMatchObject({ supportCase: { number: 'CASE-1', requestType: 'contact' } });
    await expect(openCase({ lines: [2] })).resolves.toMatchObject({ supportCase: { number: 'CASE-2', requestType: 'resend' } });
    // Named explicitly, the partner's word wins over the history.
    await expect(openCase({ lines: [1], requestType: 'resend' })).resolves.toMatchObject({ supportCase: { requestType: 'resend' } });
  });

  it('asks for the type when nothing was tried on those lines, and records nothing', async () => {
    const { deps, openCase } = await setup();
    const before = deps.outbox.deliveries.length;
    await expect(openCase({})).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'requestType' }] } });
    expect(deps.supportCases.rows).toEqual([]);
    expect(deps.outbox.deliveries).toHaveLength(before);
    await expect(openCase({ requestType: 'contact' })).resolves.toMatchObject({ supportCase: { lineNumbers: [1, 2] } });
  });

  it.each([
    ['no description', '   ', 'description'],
    ['control characters', 'it broke\u0007', 'description'],
    ['a description too long', 'x'.repeat(MAX_CASE_DESCRIPTION + 1), 'description'],
  ])('refuses %s with a message for that field and records nothing', async (_what, description, field) => {
    const { deps, openCase } = await setup();
    const before = deps.outbox.deliveries.length;
    const err = await openCase({ description, requestType: 'resend' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field }] } });
    expect(err.details.fields).toHaveLength(1);
    expect(deps.supportCases.rows).toEqual([]);
    expect(deps.outbox.deliveries).toHaveLength(before);
  });

  it('refuses a line the order lacks, and records nothing', async () => {
    const { deps, openCase } = await setup();
    await expect(openCase({ lines: [7], requestType: 'resend' })).rejects.toMatchObject({
      code: 'LINE_NOT_FOUND',
      details: { lineNumbers: [7], existing: [1, 2] },
    });
    expect(deps.supportCases.rows).toEqual([]);
  });

  it('opens a case on a line past the point of no return: the partner is stuck there too', async () => {
    const { core, openCase } = await setup();
    await core.markOrganizationOnboarded('ORD-1', { lines: [1], organizationId: 'org-9' });
    await expect(openCase({ lines: [1], requestType: 'resend' })).resolves.toMatchObject({ kind: 'case-opened' });
  });

  it('without a support address says where else to go and records nothing', async () => {
    const { deps, openCase } = await setup();
    deps.settings.supportEmail = null;
    deps.settings.supportUrl = 'https://www.cisco.com/go/cs';
    await expect(openCase({ requestType: 'resend' })).rejects.toMatchObject({
      code: 'SUPPORT_NOT_CONFIGURED',
      details: { supportUrl: 'https://www.cisco.com/go/cs' },
    });
    expect(deps.supportCases.rows).toEqual([]);
  });

  it('gives outsiders the access-request treatment: the placer approves and the case opens as the requester', async () => {
    const { core, deps, alice, bob, openCase, supportEmails } = await setup();
    // Without the type an outsider is asked for it, whatever the order: nothing about its history shows.
    await expect(openCase({}, bob)).rejects.toMatchObject({ details: { fields: [{ field: 'requestType' }] } });

    const asked = await openCase({ lines: [2], requestType: 'resend' }, bob);
    expect(asked).toEqual({ kind: 'access-requested', orderNumber: 'ORD-1', state: 'sent' });
    expect(deps.supportCases.rows).toEqual([]);

    const [request] = [...deps.accessRequests.requests.values()];
    const decided = await core.decideAccessRequest({ actor: alice, requestId: request!.id, decision: 'approve' });
    expect(decided.outcome).toMatchObject({ ok: true, result: { kind: 'case-opened', supportCase: { openedBy: { email: BOB.email } } } });
    expect(supportEmails()).toHaveLength(1);
  });
});
