import { z } from 'zod';
import type { ActionId, ViewAction } from '../../presenters/view';

type Input = NonNullable<ViewAction['input']>;
const ZInput = z.enum(['mac-address', 'delegate-to', 'reject-reason']);
const PREFIX = 'actions';

/**
 * Which buttons need typed input before they run (Complete on an Assignment needs a
 * MAC address, Delegate a person or group). A click payload carries the button's
 * action_id, value and the block_id of its actions block, nothing else we wrote
 * (https://docs.slack.dev/reference/interaction-payloads/block_actions-payload), and
 * `value` is the activity and order version every platform shares, so the inputs
 * ride in the block_id: `actions;activity.complete=mac-address`. Slack allows 255
 * characters there; ours stay under 100.
 */
export function actionsBlockId(actions: ViewAction[], index?: number): string {
  // A message with several actions blocks (a digest) needs a block_id unique to each:
  // Slack refuses duplicates. `n=<index>` names no action, so inputOfClick skips it.
  const unique = index === undefined ? [] : [`n=${index}`];
  return [PREFIX, ...actions.filter((a) => a.input).map((a) => `${a.id}=${a.input}`), ...unique].join(';');
}

/** The input the clicked button asked for, or null (none, or a block_id we did not write). */
export function inputOfClick(blockId: string | undefined, actionId: ActionId): Input | null {
  const parts = (blockId ?? '').split(';');
  if (parts[0] !== PREFIX) return null;
  for (const part of parts.slice(1)) {
    const [id, input] = part.split('=');
    if (id === actionId) return ZInput.safeParse(input).data ?? null;
  }
  return null;
}
