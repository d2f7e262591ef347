import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../fakes/adaptive-card-validator';
import { blockKitProblems, viewProblems } from '../../scripts/bench/slack/block-kit-validator';
import { anActivity, anActivityView, aWorkOrder } from '../fixtures/workflow-values';
import { renderView } from '../../adapters/slack/blocks/view.blocks';
import { orderFormModal } from '../../adapters/slack/views/order-form.modal';
import { renderOrderFormCard } from '../../adapters/teams/cards/order-form.card';
import { renderViewCard } from '../../adapters/teams/cards/view.card';
import { ORDER_FORM } from '../../adapters/presenters/order-form';
import { presentActivities } from '../../adapters/presenters/present-activities';

/** `activities` for someone with `n` pending approvals, each on its own order. */
const manyActivities = (n: number) =>
  presentActivities(
    Array.from({ length: n }, (_, i) =>
      anActivityView({
        activity: anActivity({ id: `act-${i}`, orderNumber: `WO-${String(100000 + i)}` }),
        order: aWorkOrder({ number: `WO-${String(100000 + i)}`, version: i + 1 }),
        allowed: ['accept', 'approve', 'reject', 'delegate'],
      }),
    ),
  );

describe('the biggest payloads the presenters make, as Slack and Teams check them', () => {
  it.each([2, 5, 60])('`activities` with %i pending: Block Kit and Adaptive Card both take it', (n) => {
    const view = manyActivities(n);
    expect(blockKitProblems(renderView(view).blocks, 'message')).toEqual([]);
    expect(adaptiveCardProblems(renderViewCard(view))).toEqual([]);
  });

  it('the order form: a modal and a card the platforms take, a hint under every field, and the line type starting at Auto-assigned', () => {
    const modal = orderFormModal({ subscriberLogin: 'jdoe' });
    expect(viewProblems(modal)).toEqual([]);
    expect(ORDER_FORM.fields.every((f) => f.hint && f.hint.length > 20)).toBe(true);
    const lineType = modal.blocks.find((b) => b.block_id === 'lineType') as { element: { initial_option?: { value: string } } };
    expect(lineType.element.initial_option?.value).toBe('Auto-assigned');

    const card = renderOrderFormCard({ values: { requestedDeliveryDate: '2030-01-31' } });
    expect(adaptiveCardProblems(card)).toEqual([]);
    const inputs = card.body.filter((e) => 'id' in e) as { type: string; id: string; value?: string }[];
    expect(inputs.find((e) => e.id === 'requestedDeliveryDate')).toEqual({
      type: 'Input.Date',
      id: 'requestedDeliveryDate',
      label: 'Requested delivery date',
      value: '2030-01-31',
    });
    expect(inputs.find((e) => e.id === 'lineType')?.value).toBe('Auto-assigned');
  });
});
