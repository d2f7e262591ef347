import { describe, expect, it } from 'vitest';
import type { Core } from '../../core/index';
import type { View } from '../presenters/view';
import { viewToText } from '../presenters/view';
import { anActivityView, APPROVER, aSubscriber, aWorkOrder } from '../../test/fixtures/workflow-values';
import { runCommand, submitOrderForm } from './run-command';

/** A core that records each call and answers with hand-built values; only the workflow use cases are needed. */
function recordingCore() {
  const calls: { name: string; input: unknown }[] = [];
  const order = aWorkOrder();
  const details = { order, activities: [], subscriber: aSubscriber() };
  const answers: Record<string, unknown> = {
    placeWorkOrder: { order, activities: [] },
    cancelProduct: { order: aWorkOrder({ kind: 'Cancel', orderable: null }), activities: [] },
    listMyActivities: [anActivityView()],
    searchWorkOrders: [order],
    getSubscriberRecord: { subscriber: aSubscriber(), products: [], orders: [] },
    addProductNote: { text: 'hello', author: 'Alice Approver', at: new Date('2026-11-24T09:00:00Z') },
    getDomainRules: {
      domain: 'acme.example',
      isAuthorizationRequiredForAddOrder: true,
      isAuthorizationRequiredForChangeOrder: false,
      isAuthorizationRequiredForCancelOrder: false,
      phoneAssignmentDoneBy: null,
      phoneShippingDoneBy: null,
      phoneReceiptDoneBy: null,
    },
    getWorkOrder: details,
    retryWorkOrder: details,
    abortWorkOrder: details,
  };
  answers.setDomainRules = answers.getDomainRules;
  const core = new Proxy(
    {},
    {
      get: (_t, name: string) => async (input: unknown) => {
        calls.push({ name, input });
        return answers[name];
      },
    },
  ) as unknown as Core;
  return { core, calls };
}

const run = async (text: string) => {
  const { core, calls } = recordingCore();
  const reply = await runCommand(core, APPROVER, text, '/prov ');
  return { reply, calls, text: 'kind' in reply ? '' : viewToText(reply) };
};

describe('runCommand for the order workflow', () => {
  it('`order` alone asks the platform to open the form, prefilled with a login when given', async () => {
    expect((await run('order')).reply).toEqual({ kind: 'open-order-form' });
    expect((await run('order jdoe')).reply).toEqual({ kind: 'open-order-form', subscriberLogin: 'jdoe' });
  });

  it('places a one-line order from chat as the actor, and confirms it with its number', async () => {
    const { calls, text } = await run('order jdoe Enhanced Phone Service phoneType=7945 delivery=2026-12-01');
    expect(calls).toEqual([
      {
        name: 'placeWorkOrder',
        input: {
          actor: APPROVER,
          origin: 'chat',
          subscriberLogin: 'jdoe',
          orderable: 'Enhanced Phone Service',
          attributes: { Phone: { phoneType: '7945' } },
          requestedDeliveryDate: '2026-12-01',
        },
      },
    ]);
    expect(text).toMatch(/^Order WO-000123 placed/);
  });

  it.each([
    ['cancel prod-1', 'cancelProduct', { actor: APPROVER, origin: 'chat', productId: 'prod-1' }, /^Order WO-000123 placed\nCancel/],
    ['activities', 'listMyActivities', { actor: APPROVER }, /^My activities \(1\)/],
    ['search login=jdoe', 'searchWorkOrders', { actor: APPROVER, criteria: { subscriberLogin: 'jdoe' }, limit: 20 }, /^1 work order found/],
    ['subscriber jdoe', 'getSubscriberRecord', { actor: APPROVER, login: 'jdoe' }, /^Jane Doe \(jdoe\)/],
    ['note prod-1 hello', 'addProductNote', { actor: APPROVER, productId: 'prod-1', text: 'hello' }, /^Note added to product prod-1/],
    ['rules acme.example', 'getDomainRules', { actor: APPROVER, domain: 'acme.example' }, /^Business rules of acme\.example\n/],
    [
      'rules acme.example set PhoneShippingDoneBy none',
      'setDomainRules',
      { actor: APPROVER, domain: 'acme.example', changes: { phoneShippingDoneBy: null } },
      /^Business rules of acme\.example changed/,
    ],
    ['status WO-123', 'getWorkOrder', { actor: APPROVER, orderNumber: 'WO-000123' }, /^Work order WO-000123\n/],
    ['retry WO-000123', 'retryWorkOrder', { actor: APPROVER, orderNumber: 'WO-000123' }, /^Work order WO-000123 retried/],
    ['abort WO-000123', 'abortWorkOrder', { actor: APPROVER, orderNumber: 'WO-000123' }, /^Work order WO-000123 aborted/],
  ])('%s calls %s and renders its result', async (command, name, input, rendered) => {
    const { calls, text } = await run(command);
    expect(calls).toEqual([{ name, input }]);
    expect(text).toMatch(rendered);
  });

  it("answers malformed input with the problem and that command's usage only, calling nothing", async () => {
    const { calls, reply } = await run('retry ORD-1');
    expect(calls).toEqual([]);
    expect((reply as View).paragraphs).toEqual([
      '"ORD-1" is not a valid work order number: work order numbers look like WO-000123.',
      'Usage: /prov retry <WO-number>: provision a failed work order again',
    ]);
  });

  it('answers words it cannot read with a short pointer to help, suggesting a close verb', async () => {
    expect((await run('frobnicate ORD-1')).reply).toMatchObject({
      paragraphs: ['I don\'t know "frobnicate".', 'Type "/prov help" to see every command.'],
    });
    expect((await run('stauts ORD-1')).reply).toMatchObject({
      paragraphs: ['I don\'t know "stauts". Did you mean status?', expect.any(String)],
    });
  });
});

describe('submitOrderForm', () => {
  it('returns the problems by field without calling the core', async () => {
    const { core, calls } = recordingCore();
    expect(await submitOrderForm(core, APPROVER, { subscriberLogin: 'jdoe', orderable: 'Line', macAddress: 'AB' }, '')).toEqual({
      ok: false,
      problems: { macAddress: 'MAC address is not part of Line; leave it empty.' },
    });
    expect(calls).toEqual([]);
  });

  it('places the order from chat and returns its confirmation', async () => {
    const { core, calls } = recordingCore();
    const reply = await submitOrderForm(core, APPROVER, { subscriberLogin: 'jdoe', orderable: 'Phone', phoneType: '7945' }, '');
    expect(calls).toEqual([
      {
        name: 'placeWorkOrder',
        input: {
          actor: APPROVER,
          origin: 'chat',
          subscriberLogin: 'jdoe',
          orderable: 'Phone',
          attributes: { Phone: { phoneType: '7945' } },
        },
      },
    ]);
    expect(reply.ok && reply.view.title).toBe('Order WO-000123 placed');
  });
});
