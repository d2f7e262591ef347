import { z } from 'zod';
import { ROLES, ZEmail } from '../../../core/index';
import type { Assignee } from '../../../core/index';
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
});

export interface ActivityClick {
  activityId: string;
  orderVersion: number;
  macAddress?: string;
  delegateTo?: string;
}

export function parseActivityClick(data: unknown): ActivityClick | null {
  const parsed = ZActivityData.safeParse(data);
  if (!parsed.success) return null;
  const target = parseActivityActionValue(parsed.data.value);
  if (!target) return null;
  const macAddress = parsed.data[ACTION_INPUTS['mac-address'].id];
  const delegateTo = parsed.data[ACTION_INPUTS['delegate-to'].id];
  return { ...target, ...(macAddress !== undefined ? { macAddress } : {}), ...(delegateTo !== undefined ? { delegateTo } : {}) };
}

/** `activity.refresh` data (cards/activity.card.ts writes it). */
export const ZRefreshData = z.object({ activityId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * Who a delegated activity goes to: an email address is a user, a role name (or
 * `group:<Role>`, as the rules command writes it) is the group holding that role in
 * the order's domain. "If you delegate the activity, new user or group is assigned to
 * the activity" (Approving Orders).
 */
export function parseDelegateTo(text: string): { ok: true; to: Assignee } | { ok: false; problem: string } {
  const word = text.trim().replace(/^group:\s*/i, '');
  const role = ROLES.find((r) => r.toLowerCase() === word.toLowerCase());
  if (role) return { ok: true, to: { kind: 'group', role } };
  const email = ZEmail.safeParse(word);
  if (email.success) return { ok: true, to: { kind: 'user', email: email.data } };
  const shown = word.length > 60 ? `${word.slice(0, 60)}…` : word;
  return {
    ok: false,
    problem: `${shown ? `"${shown}" is neither an email address nor a group` : 'Say who to delegate to'}: type an email address, or one of the groups ${ROLES.join(', ')}.`,
  };
}
