import { describe, expect, it } from 'vitest';
import { aSubscriber, aWorkOrder, anActivity } from '../../../test/fixtures/workflow-values';
import { orderOutcomeEmail } from './order-outcome.email';

const completed = aWorkOrder({ state: 'Completed', extendedStatus: null, version: 5 });
const rejected = aWorkOrder({ state: 'Cancelled', extendedStatus: null, version: 2 });
const rejection = anActivity({
  status: 'Rejected',
  decidedBy: { name: 'Carol Approver', email: 'carol@acme.example', channel: 'email' },
  decidedAt: new Date('2026-11-23T10:05:00Z'),
  note: 'No budget this quarter',
});

describe('order outcome email (OrderProvisionedEmailTemplate / OrderRejectedEmailTemplate)', () => {
  it('tells the subscriber what was provisioned', () => {
    const email = orderOutcomeEmail({ order: completed, subscriber: aSubscriber(), outcome: 'provisioned' });
    expect(email.subject).toBe('Order WO-000123 is complete: Add Enhanced Phone Service');
    expect(email.text).toContain('Hello Jane Doe,');
    expect(email.text).toContain('Order WO-000123 (Add Enhanced Phone Service) is complete. These products were set up for you:');
    expect(email.text).toContain('- Phone: Phone type 7945, Device name SEP001122334455, MAC address 001122334455');
    expect(email.text).toContain('- Voicemail: Voicemail alias jdoe, Display name Jane Doe');
    expect(email.text).toContain('Status: Completed');
    expect(email.text).toContain('Contact Olivia Orderer (olivia@acme.example), who placed it.');
    expect(email.text).not.toContain('rejected');
  });

  it('says a completed cancel order removed the products', () => {
    const cancel = aWorkOrder({
      kind: 'Cancel',
      orderable: null,
      state: 'Completed',
      items: [{ itemNumber: 1, type: 'Phone', attributes: {}, productId: 'p-1', parentItemNumber: null, parentProductId: null }],
    });
    expect(orderOutcomeEmail({ order: cancel, subscriber: aSubscriber(), outcome: 'provisioned' }).text).toContain(
      'Order WO-000123 (Cancel Phone) is complete. These products were removed:',
    );
  });

  it('tells the subscriber the order was rejected, by whom and when, and that nothing was provisioned', () => {
    const email = orderOutcomeEmail({ order: rejected, subscriber: aSubscriber(), outcome: 'rejected', approval: rejection });
    expect(email.subject).toBe('Order WO-000123 was rejected: Add Enhanced Phone Service');
    expect(email.text).toContain('Order WO-000123 (Add Enhanced Phone Service) was rejected by Carol Approver on 2026-11-23 10:05 UTC.');
    expect(email.text).toContain('Reason given: No budget this quarter');
    expect(email.text).toContain('Nothing was provisioned: the order is cancelled');
    expect(email.text).toContain('Status: Cancelled');
    expect(email.text).not.toContain('complete');
  });

  it('says it was rejected without naming anyone when the rejecter is not known', () => {
    const { text } = orderOutcomeEmail({ order: rejected, subscriber: aSubscriber(), outcome: 'rejected' });
    expect(text).toContain('Order WO-000123 (Add Enhanced Phone Service) was rejected.');
  });

  it('leaves out the contact note for an order placed through the API', () => {
    const order = aWorkOrder({ state: 'Completed', author: { name: 'order API', email: null, channel: 'api' } });
    const { text } = orderOutcomeEmail({ order, subscriber: aSubscriber(), outcome: 'provisioned' });
    expect(text).toContain('Placed by: order API');
    expect(text).not.toContain('Questions about this order');
  });

  it('escapes in HTML', () => {
    const email = orderOutcomeEmail({
      order: rejected,
      subscriber: aSubscriber({ firstName: '<i>J</i>' }),
      outcome: 'rejected',
      approval: { ...rejection, note: '<script>x</script>' },
    });
    expect(email.html).not.toContain('<i>J</i>');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});
