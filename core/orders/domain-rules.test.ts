import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';
import { DEFAULT_RULES } from './model/work-order';

describe('getDomainRules and setDomainRules', () => {
  it('a domain without rules works by the defaults', async () => {
    const { core, as } = await workflowHarness();
    expect(await core.getDomainRules({ actor: as('olive'), domain: 'acme.example' })).toEqual(DEFAULT_RULES('acme.example'));
    await expect(core.getDomainRules({ actor: as('bob'), domain: 'acme.example' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
  });

  it('an administrator changes one rule; the rest stay, and the next order follows it', async () => {
    const { core, as } = await workflowHarness();
    const rules = await core.setDomainRules({
      actor: as('ada'),
      domain: 'ACME.example',
      changes: { phoneShippingDoneBy: { kind: 'user', email: 'Shane@acme.example' } },
    });
    expect(rules).toEqual({ ...DEFAULT_RULES('acme.example'), phoneShippingDoneBy: { kind: 'user', email: 'shane@acme.example' } });
    expect(await core.getDomainRules({ actor: as('olive'), domain: 'acme.example' })).toEqual(rules);

    await core.setDomainRules({
      actor: as('ada'),
      domain: 'acme.example',
      changes: { isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null },
    });
    const placed = await core.placeWorkOrder({
      actor: as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    expect(placed.activities).toEqual([
      expect.objectContaining({ kind: 'Shipping', assignee: { kind: 'user', email: 'shane@acme.example' } }),
    ]);
  });

  it("validates the whole: a step's group must be its own role, an email must be one; only administrators may", async () => {
    const { core, deps, as } = await workflowHarness();
    await expect(
      core.setDomainRules({
        actor: as('ada'),
        domain: 'acme.example',
        changes: { phoneShippingDoneBy: { kind: 'group', role: 'Ordering' } },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'phoneShippingDoneBy', message: 'A group here can only be the Shipping group.' }] },
    });
    await expect(
      core.setDomainRules({ actor: as('ada'), domain: 'acme.example', changes: { phoneReceiptDoneBy: { kind: 'user', email: 'rita' } } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      core.setDomainRules({ actor: as('ada'), domain: 'acme.example', changes: { isAuthorizationRequiredForAddOrder: 'no' as never } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      core.setDomainRules({ actor: as('olive'), domain: 'acme.example', changes: { isAuthorizationRequiredForAddOrder: false } }),
    ).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { reason: 'it needs the Administrator role in acme.example' },
    });
    expect(deps.domainRules.rules.size).toBe(0);
  });

  it('refuses a person who could not do the step: unknown, or without its role in the domain, and saves nothing', async () => {
    const { core, deps, as } = await workflowHarness();
    await expect(
      core.setDomainRules({
        actor: as('ada'),
        domain: 'acme.example',
        changes: { phoneShippingDoneBy: { kind: 'user', email: 'bob@other.example' } },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'phoneShippingDoneBy', message: 'Bob Outsider does not hold the Shipping role in acme.example.' }] },
    });
    await expect(
      core.setDomainRules({
        actor: as('ada'),
        domain: 'acme.example',
        changes: { phoneReceiptDoneBy: { kind: 'user', email: 'nobody@acme.example' } },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'phoneReceiptDoneBy', message: "nobody@acme.example is not in provbot's directory." }] },
    });
    await expect(
      core.setDomainRules({
        actor: as('ada'),
        domain: 'acme.example',
        changes: { phoneAssignmentDoneBy: { kind: 'user', email: 'shane@acme.example' } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(deps.domainRules.rules.size).toBe(0);
  });
});
