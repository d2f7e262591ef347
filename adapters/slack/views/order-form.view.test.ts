import { describe, expect, it } from 'vitest';
import type { PlacedWorkOrder, PlaceWorkOrderInput } from '../../../core/index';
import { CoreError } from '../../../core/index';
import { anActivity, aWorkOrder } from '../../../test/fixtures/workflow-values';
import { fakeApp, fakeDeps, later } from './view-listener.fixtures';
import { ORDER_FORM_CALLBACK, orderFormModal } from './order-form.modal';
import { registerOrderFormView } from './order-form.view';

const PLACED: PlacedWorkOrder = { order: aWorkOrder({ orderable: 'Phone' }), activities: [anActivity()] };

/** A submission of the order form with these values typed (text inputs and selects alike, by block id). */
function submission(typed: Record<string, string>) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [id, v] of Object.entries(typed))
    values[id] = {
      value:
        id === 'orderable' || id === 'phoneType'
          ? { type: 'static_select', selected_option: { value: v } }
          : { type: 'plain_text_input', value: v },
    };
  return { type: 'view_submission', user: { id: 'UOLGA', name: 'olga' }, view: { ...orderFormModal(), id: 'V1', state: { values } } };
}
const GOOD = { subscriberLogin: 'jdoe', orderable: 'Phone', phoneType: '7945' };

function setup(placeWorkOrder: (input: PlaceWorkOrderInput) => Promise<PlacedWorkOrder>, budgetMs = 200) {
  const calls: PlaceWorkOrderInput[] = [];
  const kit = fakeDeps(
    {
      placeWorkOrder: (input: PlaceWorkOrderInput) => {
        calls.push(input);
        return placeWorkOrder(input);
      },
    },
    { viewBudgetMs: budgetMs },
  );
  const { app, submit } = fakeApp();
  registerOrderFormView(app, kit.deps);
  return { ...kit, calls, submit: (typed: Record<string, string>) => submit(ORDER_FORM_CALLBACK, submission(typed)) };
}

describe('the order form submission', () => {
  it('answers the form’s own problems under their inputs at once and places nothing', async () => {
    const t = setup(async () => PLACED);
    expect(await t.submit({ orderable: 'Phone', macAddress: '00AA' })).toEqual([
      { response_action: 'errors', errors: { subscriberLogin: expect.any(String), macAddress: expect.stringContaining('12 hexadecimal') } },
    ]);
    expect(t.calls).toEqual([]);
  });

  it('places the order as a chat order, closes the modal and DMs the confirmation', async () => {
    const t = setup(async () => PLACED);
    expect(await t.submit(GOOD)).toEqual([null]);
    expect(t.calls[0]).toMatchObject({
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    await t.deps.afterAck.drain();
    expect(t.posted).toEqual([expect.objectContaining({ channel: 'UOLGA', text: expect.stringContaining('Order WO-000123 placed') })]);
  });

  it('keeps the modal open with the core’s refusal under the input it names', async () => {
    const t = setup(async () => {
      throw new CoreError('VALIDATION_FAILED', { fields: [{ field: 'deviceName', message: 'A 7945 is named SEP + its MAC address.' }] });
    });
    expect(await t.submit({ ...GOOD, deviceName: 'MYPHONE' })).toEqual([
      { response_action: 'errors', errors: { deviceName: 'A 7945 is named SEP + its MAC address.' } },
    ]);
    await t.deps.afterAck.drain();
    expect(t.posted).toEqual([]);
  });

  it('keeps the modal open with a ref, not the error’s text, when placing fails unexpectedly', async () => {
    const t = setup(async () => {
      throw new Error('database password=hunter2 unreachable');
    });
    const [ack] = (await t.submit(GOOD)) as { errors: Record<string, string> }[];
    expect(ack!.errors.orderable).toMatch(/Something went wrong \(ref [0-9a-f]{8}\)/);
    expect(JSON.stringify(ack)).not.toContain('hunter2');
    expect(t.logged).toContainEqual({ level: 'error', message: 'slack request failed' });
  });

  it('closes the modal when the core takes longer than Slack waits, and DMs the outcome when it comes', async () => {
    const slow = later<PlacedWorkOrder>();
    const t = setup(() => slow.promise, 20);
    expect(await t.submit(GOOD)).toEqual([null]);
    expect(t.posted).toEqual([]);
    slow.resolve(PLACED);
    await t.deps.afterAck.drain();
    expect(t.posted).toEqual([expect.objectContaining({ channel: 'UOLGA', text: expect.stringContaining('Order WO-000123 placed') })]);
  });

  it('DMs a refusal that comes after the modal closed, in the user’s words', async () => {
    const slow = later<PlacedWorkOrder>();
    const t = setup(() => slow.promise, 20);
    expect(await t.submit(GOOD)).toEqual([null]);
    slow.reject(new CoreError('SUBSCRIBER_NOT_FOUND', { login: 'jdoe' }));
    await t.deps.afterAck.drain();
    expect(t.posted).toEqual([
      expect.objectContaining({ channel: 'UOLGA', text: expect.stringContaining("I can't find a subscriber with the login jdoe") }),
    ]);
  });
});
