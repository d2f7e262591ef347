import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from './slack-e2e-harness';
import { dayFrom } from '../../fakes/test-dates';
import { button, buttonsIn, startSlackOrderE2E } from './slack-order-harness';
import type { Posted, SlackOrderE2E } from './slack-order-harness';

let h: SlackOrderE2E;
beforeAll(async () => {
  // Add orders need approval; a phone's MAC address is assigned by the Assignment group (Processing Orders).
  h = await startSlackOrderE2E({ isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: { kind: 'group', role: 'Assignment' } });
}, 30_000);
afterAll(() => h?.stop());

const FORM = { subscriberLogin: 'jdoe', orderable: { option: 'Phone' }, phoneType: { option: '7945' } };

/** Opens the order form as Olga and returns the modal Slack was asked to show. */
async function openOrderForm(): Promise<Record<string, unknown>> {
  const before = h.modalsOpened();
  const sent = await h.command('olga', 'order');
  expect(sent).toMatchObject({ status: 200, body: null });
  return h.nextModal(before);
}

/** An order placed from the form, its number, and the Approval DMs to Ann and Abe. Each test places its own. */
async function placeFromForm(): Promise<{ number: string; placed: Posted; annDm: Posted; abeDm: Posted }> {
  const view = await openOrderForm();
  const seen = h.dmsTo('olga').length;
  const answer = await h.submit('olga', view, { ...FORM, requestedDeliveryDate: { date: dayFrom(h.bot.clock, 7) } });
  expect(answer).toEqual({ status: 200, body: null });
  const placed = await h.dm('olga', /^Order WO-\d{6} placed/, seen);
  const number = /WO-\d{6}/.exec(placed.text)![0];
  const annDm = await h.dm('ann', new RegExp(`Approval needed: ${number}`));
  const abeDm = await h.dm('abe', new RegExp(`Approval needed: ${number}`));
  return { number, placed, annDm, abeDm };
}

/** An order placed and approved by Ann: its Assignment DM to Al. */
async function placeAndApprove(): Promise<{ number: string; annDm: Posted; abeDm: Posted; alDm: Posted }> {
  const placed = await placeFromForm();
  await h.click('ann', button(placed.annDm.call, 'activity.approve'), placed.annDm);
  const alDm = await h.dm('al', new RegExp(`Assignment needed: ${placed.number}`));
  return { ...placed, alDm };
}

describe('the order workflow in Slack', () => {
  it('opens the order form as a modal for `/prov order`, with the command’s trigger_id', async () => {
    const view = await openOrderForm();
    const opened = h.api.callsTo('views.open').at(-1)!;
    expect(String(opened.args.trigger_id)).toMatch(/^\d{13}\./);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'order.form', title: { text: 'New order' }, submit: { text: 'Place order' } });
    const blockIds = (view.blocks as { block_id: string }[]).map((b) => b.block_id);
    expect(blockIds).toEqual(expect.arrayContaining(['subscriberLogin', 'orderable', 'requestedDeliveryDate', 'phoneType', 'macAddress']));
  });

  it('keeps the modal open with errors under the inputs for a missing login and a bad MAC address, and orders nothing', async () => {
    const view = await openOrderForm();
    // The error shows under the input labelled by the label table.
    expect((view.blocks as { block_id: string; label?: { text: string } }[]).find((b) => b.block_id === 'macAddress')?.label?.text).toBe(
      'MAC address',
    );
    const before = await h.workOrders();
    const answer = await h.submit('olga', view, {
      orderable: { option: 'Phone' },
      phoneType: { option: '7945' },
      macAddress: '00AABBCCDD',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      response_action: 'errors',
      errors: {
        subscriberLogin: expect.stringContaining('login'),
        macAddress: 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 10.',
      },
    });
    expect(await h.workOrders()).toEqual(before);
  });

  it('keeps the modal open with the core’s refusal under the input it is about, and orders nothing', async () => {
    const before = await h.workOrders();
    const view = await openOrderForm();
    const unknown = await h.submit('olga', view, { ...FORM, subscriberLogin: 'nobody' });
    expect(unknown.body).toEqual({
      response_action: 'errors',
      errors: { subscriberLogin: expect.stringContaining("I can't find a subscriber with the login nobody") },
    });
    // "Voicemail and Email require an existing Line" (Ordering Products and Services).
    const voicemail = await h.submit('olga', view, { subscriberLogin: 'jdoe', orderable: { option: 'Voicemail' } });
    expect(voicemail.body).toEqual({ response_action: 'errors', errors: { orderable: expect.stringContaining('Voicemail needs a Line') } });
    expect(await h.workOrders()).toEqual(before);
  });

  it('places the order from a good form, tells Olga by DM, and DMs each approver the activity with Approve and Reject', async () => {
    const { number, placed, annDm } = await placeFromForm();
    expect(visibleText(placed.call.args)).toContain('Add Phone for jdoe');
    const order = (await h.workOrders()).find((o) => o.number === number);
    expect(order).toMatchObject({ number, state: 'Released', extendedStatus: 'Waiting for Approval' });

    expect(annDm.channel).toBe('DANN');
    expect(visibleText(annDm.call.args)).toContain('Jane Doe');
    expect(buttonsIn(annDm.call).map((b) => b.action_id)).toEqual([
      'activity.approve',
      'activity.reject',
      'activity.accept',
      'activity.delegate',
    ]);
    expect(button(annDm.call, 'activity.approve').value).toMatch(new RegExp(`@${order!.version}$`));
    expect(h.dmsTo('al').filter((m) => m.text.includes(number))).toEqual([]);
  });

  it('refuses a click by someone without the Approval role, privately, and changes nothing', async () => {
    const { number, annDm } = await placeFromForm();
    const before = await h.workOrder(number);
    const click = await h.click('otto', button(annDm.call, 'activity.approve'), annDm);
    expect(click).toMatchObject({ status: 200, body: null });
    const [reply] = await h.replies(click.responseUrl);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(reply!)).toContain("You can't act on this Approval: it is not assigned to you.");
    expect(await h.workOrder(number)).toEqual(before);
    expect(h.updatesOf(annDm)).toEqual([]);
  });

  it('answers a button whose value names no activity privately, and changes nothing', async () => {
    const { number, annDm } = await placeFromForm();
    const before = await h.workOrder(number);
    const click = await h.click('ann', { ...button(annDm.call, 'activity.approve'), value: 'not-an-activity' }, annDm);
    const [reply] = await h.replies(click.responseUrl);
    expect(visibleText(reply!)).toContain("This button's data is not valid (it names no activity), so nothing was done.");
    expect(await h.workOrder(number)).toEqual(before);
  });

  it('refuses a click that carries an old order version as stale, and shows the activity as it stands', async () => {
    const { number, annDm } = await placeFromForm();
    const before = await h.workOrder(number);
    const approve = button(annDm.call, 'activity.approve');
    const old = { ...approve, value: approve.value.replace(/@\d+$/, `@${before.order.version - 1}`) };
    const click = await h.click('ann', old, annDm);
    const [reply] = await h.replies(click.responseUrl);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(reply!)).toContain(`Approval needed: ${number}`);
    expect(visibleText(reply!)).toContain(`This card is out of date: order ${number} has changed since. Here it is as it stands now.`);
    // The current buttons, for the version the order is at now.
    expect(buttonsIn({ args: reply! }).map((b) => b.value)).toContain(approve.value);
    expect(await h.workOrder(number)).toEqual(before);
  });

  it('approves on Ann’s click: both DMs become "Approved by Ann" without buttons, and the Assignment goes to Al', async () => {
    const { number, annDm, abeDm } = await placeFromForm();
    const click = await h.click('ann', button(annDm.call, 'activity.approve'), annDm);
    expect(click).toMatchObject({ status: 200, body: null });
    for (const dm of [annDm, abeDm]) {
      const [update] = await h.api.waitFor(() => (h.updatesOf(dm).length ? h.updatesOf(dm) : null));
      expect(visibleText(update!.args)).toMatch(/Approved by Ann Approver at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(buttonsIn(update!)).toEqual([]);
    }
    const assignment = await h.dm('al', new RegExp(`Assignment needed: ${number}`));
    expect(buttonsIn(assignment.call).map((b) => b.action_id)).toEqual(['activity.complete', 'activity.accept', 'activity.delegate']);
    expect((await h.workOrder(number)).order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Assignment' });
    // Nothing is said to Ann beyond the update of her message.
    expect(h.api.responsesTo(click.responseUrl)).toEqual([]);
  });

  it('tells a second approve, clicked on Abe’s copy before its update reached him, who already approved, and changes nothing', async () => {
    const { number, abeDm } = await placeAndApprove();
    const before = await h.workOrder(number);
    const click = await h.click('abe', button(abeDm.call, 'activity.approve'), abeDm);
    const [reply] = await h.replies(click.responseUrl);
    expect(visibleText(reply!)).toMatch(/approved by Ann Approver at \d{4}-\d\d-\d\d \d\d:\d\d UTC/i);
    expect(buttonsIn({ args: reply! })).toEqual([]);
    expect(await h.workOrder(number)).toEqual(before);
  });

  it('opens the MAC address modal on Step Complete, keeps it open with the core’s message for a bad MAC, then completes the order', async () => {
    const { number, alDm: assignment } = await placeAndApprove();
    const modals = h.modalsOpened();
    const click = await h.click('al', button(assignment.call, 'activity.complete'), assignment);
    expect(click.status).toBe(200);
    const modal = await h.nextModal(modals);
    expect(modal).toMatchObject({ callback_id: 'activity.input', submit: { text: 'Step Complete' } });
    expect(JSON.stringify(modal.blocks)).toContain('MAC address');

    const before = await h.workOrder(number);
    const bad = await h.submit('al', modal, { 'mac-address': '00AABBCCDDEEFF' });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { 'mac-address': 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 14.' },
    });
    expect(await h.workOrder(number)).toEqual(before);

    const good = await h.submit('al', modal, { 'mac-address': '00aabbccddee' });
    expect(good).toEqual({ status: 200, body: null });
    const [update] = await h.api.waitFor(() => (h.updatesOf(assignment).length ? h.updatesOf(assignment) : null));
    expect(visibleText(update!.args)).toMatch(/Completed by Al Assigner at/);
    expect(visibleText(update!.args)).toContain('00AABBCCDDEE');
    const done = await h.workOrder(number);
    expect(done.order).toMatchObject({ state: 'Completed', extendedStatus: null });
    expect(JSON.stringify(done.order.items)).toContain('00AABBCCDDEE');
  });
});

/** A one-line `/prov order`, approved by Ann: its number and Al's Assignment DM. */
async function typeOrderAndApprove(): Promise<{ number: string; alDm: Posted }> {
  const sent = await h.command('olga', 'order jdoe Phone phoneType=7945');
  const [reply] = await h.replies(sent.responseUrl);
  expect(reply).toMatchObject({ response_type: 'ephemeral' });
  const number = /Order (WO-\d{6}) placed/.exec(visibleText(reply!))![1]!;
  const approval = await h.dm('ann', new RegExp(`Approval needed: ${number}`));
  await h.click('ann', button(approval.call, 'activity.approve'), approval);
  return { number, alDm: await h.dm('al', new RegExp(`Assignment needed: ${number}`)) };
}

describe('a typed order and a delegated activity in Slack', () => {
  it('places a one-line `/prov order`, answers privately with the order number, and asks for its Approval', async () => {
    const { number } = await typeOrderAndApprove();
    expect((await h.workOrder(number)).order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Assignment' });
  });

  it('answers a typed order with a bad MAC address privately: the field by its label and one sentence, and orders nothing', async () => {
    const before = await h.workOrders();
    const sent = await h.command('olga', 'order jdoe Phone phoneType=7945 macAddress=00AABBCCDDE');
    const [reply] = await h.replies(sent.responseUrl);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    const text = visibleText(reply!);
    expect(text).toContain("That didn't work");
    expect(text).toContain('MAC address: Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.');
    // One prefix, and no path or key as the core names the field.
    expect(text).not.toMatch(/isn't valid|macAddress|Phone\./);
    expect(await h.workOrders()).toEqual(before);
  });

  it('asks whom to delegate to in a modal and keeps it open with the core’s reason for a group or person who cannot take it', async () => {
    const { number, alDm } = await typeOrderAndApprove();
    const modals = h.modalsOpened();
    await h.click('al', button(alDm.call, 'activity.delegate'), alDm);
    const modal = await h.nextModal(modals);
    expect(modal).toMatchObject({ callback_id: 'activity.input', title: { text: 'Delegate' } });
    const before = await h.workOrder(number);

    const group = await h.submit('al', modal, { 'delegate-to': 'Approval' });
    expect(group.body).toEqual({
      response_action: 'errors',
      errors: { 'delegate-to': expect.stringContaining('not to the Approval group') },
    });
    const person = await h.submit('al', modal, { 'delegate-to': 'ann.approver@acme.example' });
    expect(person.body).toEqual({
      response_action: 'errors',
      errors: {
        'delegate-to': expect.stringContaining(
          'Ann Approver (ann.approver@acme.example) does not hold the Assignment role in acme.example, so could not act on this assignment activity',
        ),
      },
    });
    const nobody = await h.submit('al', modal, { 'delegate-to': 'the night shift' });
    expect(nobody.body).toEqual({
      response_action: 'errors',
      errors: { 'delegate-to': expect.stringContaining('neither an email address nor a group') },
    });
    expect(await h.workOrder(number)).toEqual(before);
  });

  it('delegates to Aly: she gets the activity by DM, Al’s copy shows it is hers, and Al can no longer take it', async () => {
    const { number, alDm } = await typeOrderAndApprove();
    const modals = h.modalsOpened();
    await h.click('al', button(alDm.call, 'activity.delegate'), alDm);
    const modal = await h.nextModal(modals);
    const alysBefore = h.dmsTo('aly').filter((m) => m.text.includes(number)).length;
    expect(await h.submit('al', modal, { 'delegate-to': 'aly.assigner@acme.example' })).toEqual({ status: 200, body: null });

    // The group's copy she had, and now one for her alone.
    const toAly = await h.api.waitFor(() => h.dmsTo('aly').filter((m) => m.text.includes(number))[alysBefore]);
    expect(toAly.text).toContain(`Assignment needed: ${number}`);
    expect(visibleText(toAly.call.args)).toContain('aly.assigner@acme.example');
    const [update] = await h.api.waitFor(() => (h.updatesOf(alDm).length ? h.updatesOf(alDm) : null));
    expect(visibleText(update!.args)).toContain('*Assigned to*\nAly Assigner (aly.assigner@acme.example)');

    const before = await h.workOrder(number);
    const click = await h.click('al', button(update!, 'activity.accept'), alDm);
    const [reply] = await h.replies(click.responseUrl);
    expect(visibleText(reply!)).toContain('it is assigned to Aly Assigner (aly.assigner@acme.example)');
    expect(await h.workOrder(number)).toEqual(before);
  });
});
