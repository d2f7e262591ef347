import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

describe('the outbox for administrators', () => {
  async function withDeadApprovalEmails() {
    const h = await workflowHarness({ isAuthorizationRequiredForAddOrder: true });
    // The approvers' mailboxes refuse for good (550): each email is dead-lettered at once.
    h.deps.email.refuseNext(2, { permanent: true }, '550 mailbox unavailable');
    await h.core.placeWorkOrder({
      actor: h.as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
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

  async function twoOrdersDeadAnHourApart() {
    const h = await withDeadApprovalEmails();
    h.deps.clock.advanceMinutes(60);
    h.deps.email.refuseNext(2, { permanent: true }, '550 mailbox unavailable');
    await h.core.placeWorkOrder({
      actor: h.as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    return h;
  }

  it('lists each dead delivery, the last tried first, up to the limit, and counts the rest', async () => {
    const h = await twoOrdersDeadAnHourApart();
    const review = await h.core.getDeliverySummary({ actor: h.as('ada'), limit: 3 });
    expect(review).toMatchObject({ dead: 4, deadNotListed: 1 });
    const tried = review.deadDeliveries.map((d) => d.lastTriedAt.toISOString());
    expect(tried).toEqual(['2026-11-23T11:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T10:00:00.000Z']);
    expect(review.deadDeliveries[0]).toMatchObject({
      target: { channel: 'email' },
      content: { kind: 'activity' },
      attempts: 1,
      lastError: '550 mailbox unavailable',
    });
    expect((await h.core.getDeliverySummary({ actor: h.as('ada') })).deadDeliveries).toHaveLength(4);
    await expect(h.core.getDeliverySummary({ actor: h.as('ada'), limit: 101 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('sends one dead delivery again, leaving the others dead', async () => {
    const h = await twoOrdersDeadAnHourApart();
    const ada = h.as('ada');
    const [newest] = (await h.core.getDeliverySummary({ actor: ada })).deadDeliveries;
    const before = h.deps.email.activityEmails.length;

    expect(await h.core.retryDeadDelivery({ actor: ada, id: newest!.id })).toEqual({ requeued: 1 });
    expect(h.deps.email.activityEmails.slice(before).flatMap((e) => e.to)).toEqual([(newest!.target as { address: string }).address]);
    expect(await h.core.getDeliverySummary({ actor: ada })).toMatchObject({ dead: 3, pending: 0 });
    await expect(h.core.retryDeadDelivery({ actor: ada, id: newest!.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses an unknown id, and anyone but an administrator of every domain, changing nothing', async () => {
    const h = await withDeadApprovalEmails();
    const stored = h.deps.outbox.deliveries;
    const [dead] = (await h.core.getDeliverySummary({ actor: h.as('ada') })).deadDeliveries;
    await expect(h.core.retryDeadDelivery({ actor: h.as('ada'), id: 'no-such-delivery' })).rejects.toMatchObject({
      code: 'DELIVERY_NOT_FOUND',
      details: { deliveryId: 'no-such-delivery' },
    });
    await expect(h.core.retryDeadDelivery({ actor: h.as('ada'), id: "x' OR 1=1" })).rejects.toMatchObject({ code: 'DELIVERY_NOT_FOUND' });
    await expect(h.core.retryDeadDelivery({ actor: h.as('april'), id: dead!.id })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(h.deps.outbox.deliveries).toEqual(stored);
  });
});
