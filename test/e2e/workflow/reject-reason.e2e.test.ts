import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button } from '../slack/slack-order-harness';
import { eventually, startWorkflowBot } from './workflow-bot';
import type { WorkflowBot } from './workflow-bot';
import { APPROVE_THEN_ASSIGN, JANE } from './workflow-people';

/**
 * Reject order asks for an optional reason wherever the approver is, and the reason
 * reaches the subscriber's rejection email ("Reason given: …"). Each test places its
 * own order through the API; the Approval goes to Ann and Abe on Slack and Tom on Teams.
 */
let w: WorkflowBot;
beforeAll(async () => {
  w = await startWorkflowBot({ rules: APPROVE_THEN_ASSIGN });
});
afterAll(() => w?.stop());

async function placeWorkOrder(): Promise<string> {
  const placed = (await w.must('POST', '/api/work-orders', {
    subscriberLogin: JANE.login,
    orderable: 'Phone',
    attributes: { Phone: { phoneType: '7945' } },
  })) as { order: { number: string } };
  return placed.order.number;
}

const rejectionEmail = (number: string) => w.email.waitFor(JANE.email, `Order ${number} was rejected`);

describe('a rejection with a reason', () => {
  it('Slack: Reject order opens a modal with an optional Reason; its submission rejects, and Jane reads the reason', async () => {
    const number = await placeWorkOrder();
    const dm = await w.slack.dm('ann', new RegExp(`^Approval needed: ${number}`));
    const modals = w.slack.modalsOpened();
    expect((await w.slack.click('ann', button(dm.call, 'activity.reject'), dm)).status).toBe(200);
    const modal = await w.slack.nextModal(modals);
    expect(modal).toMatchObject({
      callback_id: 'activity.input',
      title: { text: 'Reject order' },
      submit: { text: 'Reject order' },
      blocks: expect.arrayContaining([
        expect.objectContaining({ block_id: 'reject-reason', optional: true, label: { type: 'plain_text', text: 'Reason' } }),
      ]),
    });
    expect(await w.slack.submit('ann', modal, { 'reject-reason': 'Jane already has a phone.' })).toEqual({ status: 200, body: null });
    const mail = await rejectionEmail(number);
    expect(mail.text).toContain('Reason given: Jane already has a phone.');
    const after = await w.workOrder(number);
    expect(after.order.state).toBe('Cancelled');
  });

  it('Slack: a reason over 1,000 characters stays in the modal with the words why, and nothing changes', async () => {
    const number = await placeWorkOrder();
    const dm = await w.slack.dm('abe', new RegExp(`^Approval needed: ${number}`));
    const modals = w.slack.modalsOpened();
    await w.slack.click('abe', button(dm.call, 'activity.reject'), dm);
    const modal = await w.slack.nextModal(modals);
    const res = await w.slack.submit('abe', modal, { 'reject-reason': 'x'.repeat(1001) });
    expect(res).toMatchObject({
      status: 200,
      body: { response_action: 'errors', errors: { 'reject-reason': expect.stringMatching(/1000 characters/) } },
    });
    expect((await w.workOrder(number)).order.state).not.toBe('Cancelled');
  });

  it('Teams: Reject order unfolds an optional Reason input; the reason reaches Jane', async () => {
    const number = await placeWorkOrder();
    const card = await w.teams.cardTo('tom', number, 'Approval');
    const reject = card.card.actions.find((a: any) => a.title === 'Reject order');
    expect(reject.type).toBe('Action.ShowCard');
    expect(reject.card.body[0]).toMatchObject({ type: 'Input.Text', id: 'rejectReason', isMultiline: true });
    expect(reject.card.body[0].isRequired).toBeUndefined();
    const res = await w.teams.press('tom', card, 'activity.reject', { rejectReason: 'Not in this budget.' });
    expect(res.status).toBe(200);
    const mail = await rejectionEmail(number);
    expect(mail.text).toContain('Reason given: Not in this budget.');
    await eventually(async () => (await w.workOrder(number)).order.state === 'Cancelled', `${number} cancelled`);
  });
});
