import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../test/fakes/core-harness';
import { slackActor } from '../../test/fakes/actors';
import { ALICE, orderIntake } from '../../test/fixtures/orders';

async function setup(intake = orderIntake()) {
  const h = coreHarness();
  await h.core.intakeOrder(intake);
  const alice = await h.core.registerUser(ALICE);
  h.deps.email.provisioningEmails.length = 0;
  return { ...h, alice };
}

describe('change provisioning contact', () => {
  it('changes one line and sends the provisioning email to the new contact', async () => {
    const { core, deps, alice } = await setup();
    const result = await core.changeProvisioningContact({
      actor: slackActor(alice),
      orderNumber: 'ORD-1',
      lines: [1],
      email: 'New@Customer.example ',
    });
    expect(result).toMatchObject({
      kind: 'contact-changed',
      newContact: 'new@customer.example',
      changed: [{ lineNumber: 1, oldContact: 'it@customer.example', email: { status: 'Sent', to: 'new@customer.example' } }],
    });
    const order = await core.getOrder('ORD-1');
    expect(order.lines.map((l) => l.provisioningContactEmail)).toEqual(['new@customer.example', 'it@customer.example']);
    expect(deps.email.provisioningEmails.map((e) => e.to)).toEqual(['new@customer.example']);
    expect(deps.transactions.rows.at(-1)).toMatchObject({
      kind: 'contact-change',
      oldContact: 'it@customer.example',
      newContact: 'new@customer.example',
      status: 'Sent',
    });
  });

  it('"all" cascades to every line before the PONR and reports the lines it skipped', async () => {
    const { core, alice } = await setup();
    await core.markOrganizationOnboarded('ORD-1', { lines: [2], organizationId: 'org-1' });
    const result = await core.changeProvisioningContact({
      actor: slackActor(alice),
      orderNumber: 'ORD-1',
      lines: 'all',
      email: 'new@customer.example',
    });
    expect(result).toMatchObject({ changed: [{ lineNumber: 1 }], skipped: [{ lineNumber: 2, reason: 'past-ponr' }] });
    expect((await core.getOrder('ORD-1')).lines.map((l) => l.provisioningContactEmail)).toEqual([
      'new@customer.example',
      'it@customer.example',
    ]);
  });

  it('refuses a malformed email and a line past the PONR without changing anything', async () => {
    const { core, deps, alice } = await setup();
    await core.markOrganizationOnboarded('ORD-1', { lines: [2], organizationId: 'org-1' });
    const before = await core.getOrder('ORD-1');
    const historyBefore = structuredClone(deps.transactions.rows);

    await expect(
      core.changeProvisioningContact({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: [1], email: 'not-an-email' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      core.changeProvisioningContact({ actor: slackActor(alice), orderNumber: 'ORD-1', lines: [2], email: 'x@y.example' }),
    ).rejects.toMatchObject({
      code: 'PAST_PONR',
    });
    expect(await core.getOrder('ORD-1')).toEqual(before);
    expect(deps.transactions.rows).toEqual(historyBefore);
    expect(deps.email.provisioningEmails).toEqual([]);
  });

  it('before the RSD, waits: the scheduled initial email goes to the new contact and completes the Pending history row', async () => {
    const { core, deps, alice } = await setup(orderIntake({ requestedStartDate: '2026-11-25' }));
    const result = await core.changeProvisioningContact({
      actor: slackActor(alice),
      orderNumber: 'ORD-1',
      lines: [1],
      email: 'new@customer.example',
    });
    expect(result).toMatchObject({ changed: [{ lineNumber: 1, email: null }] });
    expect(deps.email.provisioningEmails).toEqual([]);
    expect(deps.transactions.rows.at(-1)).toMatchObject({ kind: 'contact-change', status: 'Pending' });

    deps.clock.set('2026-11-25T00:05:00Z');
    await core.sendDueProvisioningEmails();
    expect(deps.email.provisioningEmails.map((e) => [e.line.lineNumber, e.to])).toEqual([
      [1, 'new@customer.example'],
      [2, 'it@customer.example'],
    ]);
    expect(deps.transactions.rows.filter((r) => r.kind === 'contact-change').map((r) => r.status)).toEqual(['Sent']);
  });

  it('keeps the change; the email to the new contact waits as Pending while the server is down, then goes out', async () => {
    const { core, deps, alice } = await setup();
    deps.email.provisioningEmails.length = 0;
    deps.email.failWith = 'SMTP 451 try later';
    const result = await core.changeProvisioningContact({
      actor: slackActor(alice),
      orderNumber: 'ORD-1',
      lines: [1],
      email: 'new@customer.example',
    });
    expect(result).toMatchObject({ changed: [{ email: { status: 'Pending', to: 'new@customer.example' } }] });
    expect((await core.getOrder('ORD-1')).lines[0]!.provisioningContactEmail).toBe('new@customer.example');
    expect(deps.transactions.rows.at(-1)).toMatchObject({ kind: 'contact-change', status: 'Pending' });

    deps.email.failWith = null;
    deps.clock.advanceMinutes(1);
    await core.dispatchDeliveries();
    expect(deps.email.provisioningEmails.map((e) => e.to)).toEqual(['new@customer.example']);
    expect(deps.transactions.rows.at(-1)).toMatchObject({ kind: 'contact-change', status: 'Sent' });
  });
});
