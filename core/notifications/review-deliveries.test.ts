import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

describe('the outbox for administrators', () => {
  async function withDeadApprovalEmails() {
    const h = await workflowHarness({ isAuthorizationRequiredForAddOrder: true });
    // The approvers' mailboxes refuse for good (550): each email is dead-lettered at once.
    h.deps.email.refuseNext(2, { permanent: true }, '550 mailbox unavailable');
    await h.core.placeOrder({ actor: h.as('olive'), origin: 'chat', subscriberLogin: 'jdoe', orderable: 'Phone', attributes: { Phone: { phoneType: '7945' } } });
    return h;
  }

  it('shows what died, and sends it again once the cause is fixed, each notice once', async () => {
    const h = await withDeadApprovalEmails();
    const ada = h.as('ada');
    expect(await h.core.getDeliverySummary({ actor: ada })).toMatchObject({ dead: 2, due: 0 });
    const before = h.deps.email.activityEmails.length;

    expect(await h.core.retryDeadDeliveries({ actor: ada })).toEqual({ requeued: 2 });
    const resent = h.deps.email.activityEmails.slice(before).flatMap((e) => e.to);
    expect(resent.sort()).toEqual(['april@acme.example', 'arthur@acme.example']);
    expect(await h.core.getDeliverySummary({ actor: ada })).toMatchObject({ dead: 0, pending: 0 });
    expect(await h.core.retryDeadDeliveries({ actor: ada })).toEqual({ requeued: 0 });
  });

  it('is for administrators of every domain only', async () => {
    const h = await withDeadApprovalEmails();
    await expect(h.core.retryDeadDeliveries({ actor: h.as('april') })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(h.core.getDeliverySummary({ actor: h.as('olive') })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await h.core.getDeliverySummary({ actor: h.as('ada') })).toMatchObject({ dead: 2 });
  });
});
