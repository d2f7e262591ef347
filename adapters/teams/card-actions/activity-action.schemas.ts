import { z } from 'zod';
import { parseActivityActionValue } from '../../presenters/view';
import { ACTION_INPUTS } from '../cards/action-inputs';

/**
 * `Action.Execute` data of an activity button (cards/action-inputs.ts writes it): the
 * `<activityId>@<orderVersion>` value, plus what the user typed into the button's input.
 * Other keys (inputs of other buttons on the same card) are dropped.
 */
const ZActivityData = z.object({
  value: z.string().max(100),
  [ACTION_INPUTS['mac-address'].id]: z.string().max(200).optional(),
  [ACTION_INPUTS['delegate-to'].id]: z.string().max(400).optional(),
  [ACTION_INPUTS['reject-reason'].id]: z.string().max(2000).optional(),
});

export interface ActivityClick {
  activityId: string;
  orderVersion: number;
  macAddress?: string;
  delegateTo?: string;
  rejectReason?: string;
}

export function parseActivityClick(data: unknown): ActivityClick | null {
  const parsed = ZActivityData.safeParse(data);
  if (!parsed.success) return null;
  const target = parseActivityActionValue(parsed.data.value);
  if (!target) return null;
  const macAddress = parsed.data[ACTION_INPUTS['mac-address'].id];
  const delegateTo = parsed.data[ACTION_INPUTS['delegate-to'].id];
  const rejectReason = parsed.data[ACTION_INPUTS['reject-reason'].id];
  return {
    ...target,
    ...(macAddress !== undefined ? { macAddress } : {}),
    ...(delegateTo !== undefined ? { delegateTo } : {}),
    ...(rejectReason !== undefined ? { rejectReason } : {}),
  };
}

/** `activity.refresh` data (cards/activity.card.ts writes it). */
export const ZRefreshData = z.object({ activityId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
