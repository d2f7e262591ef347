import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command';

const ok = (text: string) => {
  const r = parseCommand(text);
  if (!r.ok) throw new Error(`expected ${text} to parse, got: ${r.problem}`);
  return r.command;
};

describe('work order commands', () => {
  it.each([
    ['cancel prod-1', { kind: 'cancel', productId: 'prod-1' }],
    ['activities', { kind: 'activities' }],
    ['subscriber jdoe', { kind: 'subscriber', login: 'jdoe' }],
    ['note prod-1 Desk   phone moved to  room 4', { kind: 'note', productId: 'prod-1', text: 'Desk   phone moved to  room 4' }],
    ['retry WO-000123', { kind: 'retry', orderNumber: 'WO-000123' }],
    ['abort wo-123', { kind: 'abort', orderNumber: 'WO-000123' }],
    ['status WO-000123', { kind: 'work-order', orderNumber: 'WO-000123' }],
    ['status ORD-1', { kind: 'status', orderNumber: 'ORD-1' }],
    ['search WO-7', { kind: 'search', criteria: { orderNumber: 'WO-000007' } }],
    ['rules acme.example', { kind: 'rules', domain: 'acme.example' }],
    ['rules <http://ACME.example|ACME.example>', { kind: 'rules', domain: 'acme.example' }],
  ])('%s', (text, command) => {
    expect(ok(text)).toEqual(command);
  });

  it('maps every search key to its OrderSearch field and accepts the spellings users type for statuses', () => {
    expect(
      ok(
        'search number=wo-5 author=Olivia O status=complete extended=waiting-for-approval kind=add login=jdoe name=Doe phone=555 email=<mailto:Jane@Acme.example|Jane@Acme.example> department=Sales domain=acme.example date=2026-11-23 delivery=2026-12-01',
      ),
    ).toEqual({
      kind: 'search',
      criteria: {
        orderNumber: 'WO-000005',
        author: 'Olivia O',
        state: 'Completed',
        extendedStatus: 'Waiting for Approval',
        kind: 'Add',
        subscriberLogin: 'jdoe',
        subscriberName: 'Doe',
        subscriberPhone: '555',
        subscriberEmail: 'jane@acme.example',
        department: 'Sales',
        domain: 'acme.example',
        orderDate: '2026-11-23',
        requestedDeliveryDate: '2026-12-01',
      },
    });
    expect(ok('search extended=approval status="On Hold"')).toEqual({
      kind: 'search',
      criteria: { extendedStatus: 'Waiting for Approval', state: 'Hold' },
    });
  });

  it.each([
    ['rules acme.example set isauthorizationrequiredforaddorder FALSE', { isAuthorizationRequiredForAddOrder: false }],
    ['rules acme.example set PhoneShippingDoneBy none', { phoneShippingDoneBy: null }],
    ['rules acme.example set add-approval true', { isAuthorizationRequiredForAddOrder: true }],
    ['rules acme.example set Shipping-By none', { phoneShippingDoneBy: null }],
    ['rules acme.example set author-approves false', { allowAuthorToApprove: false }],
    [
      'rules acme.example set PhoneAssignmentDoneBy group:advanced ordering',
      { phoneAssignmentDoneBy: { kind: 'group', role: 'Advanced Ordering' } },
    ],
    [
      'rules acme.example set PhoneReceiptDoneBy <mailto:Rita@Acme.example|Rita@Acme.example>',
      { phoneReceiptDoneBy: { kind: 'user', email: 'rita@acme.example' } },
    ],
  ])('%s', (text, changes) => {
    expect(ok(text)).toEqual({ kind: 'set-rules', domain: 'acme.example', changes });
  });

  it.each([
    ['cancel', /^"cancel" takes 1 argument\.$/],
    ['cancel prod 1', /"cancel" takes 1 argument/],
    ['cancel prod/1', /"prod\/1" is not a valid product id/],
    ['activities now', /"activities" takes no arguments/],
    ['subscriber', /^"subscriber" takes 1 argument\.$/],
    ['note prod-1', /"note" takes a product id and the note's text/],
    ['retry ORD-1', /"ORD-1" is not a valid work order number: work order numbers look like WO-000123/],
    ['abort', /^"abort" takes 1 argument\.$/],
    ['search', /"search" needs a work order number or at least one key=value: number, author, status/],
    ['search jdoe', /"jdoe" is not key=value \(for example status=Released\)/],
    ['search colour=red', /"colour" is not a search criterion; use number, author/],
    ['search status=Shipped', /"Shipped" is not an order status; use one of Initial, Released, Completed, Hold, Cancelled/],
    ['search extended=Lost', /"Lost" is not an extended status; use one of Being Provisioned, Waiting for Approval/],
    ['search login=jdoe login=asmith', /"login" is given twice/],
    ['search date=23/11/2026', /"23\/11\/2026" is not a valid order date: dates are YYYY-MM-DD/],
    ['search delivery=2026-13-45', /"2026-13-45" is not a valid requested delivery date: not a calendar date/],
    ['search name=', /"name=" has no value/],
    ['rules', /"rules" takes a domain: rules <domain> \[set <rule> <value>\]/],
    ['rules acme_example', /"acme_example" is not a valid domain/],
    ['rules acme.example show', /After the domain, "rules" takes "set <rule> <value>"; got "show"/],
    ['rules acme.example set PhoneShippingDoneBy', /takes a rule name and a value/],
    [
      'rules acme.example set ShipFaster true',
      /^"ShipFaster" is not a rule: add-approval, change-approval, cancel-approval, author-approves take true or false; assignment-by, shipping-by, receipt-by take none, group:<Role> or an email address\.$/,
    ],
    [
      'rules acme.example set IsAuthorizationRequiredForCancelOrder yes',
      /^Approval needed for Cancel orders \(cancel-approval\) takes true or false; got "yes"\.$/,
    ],
    ['rules acme.example set PhoneShippingDoneBy group:Couriers', /"Couriers" is not a role; the roles are Ordering, Advanced Ordering/],
    [
      'rules acme.example set PhoneShippingDoneBy the shipping team',
      /^Phone shipping done by \(shipping-by\) takes none, group:<Role> or an email address; got "the shipping team"\.$/,
    ],
    ['rules acme.example set PhoneShippingDoneBy bob@', /"bob@" is not a valid email/],
    ['toString', /I don't know "toString"/],
  ])('%s is refused with a specific problem', (text, expected) => {
    const r = parseCommand(text);
    expect(r.ok ? JSON.stringify(r.command) : r.problem).toMatch(expected);
  });
});
