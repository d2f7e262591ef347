import type { ActionId } from '../../presenters/view';

/**
 * Slack refuses a message (`invalid_blocks`) when two buttons of one actions block
 * share an action_id: "Should be unique among all other action_ids in the containing
 * block" (https://docs.slack.dev/reference/block-kit/block-elements/button-element).
 * A list such as `activities` can offer the same action (Accept) on several items, so
 * each repeat gets a suffix with its position: `activity.accept`, `activity.accept:2`.
 */
export function uniqueActionIds(ids: readonly ActionId[]): string[] {
  const seen = new Set<string>();
  return ids.map((id, i) => {
    if (!seen.has(id)) {
      seen.add(id);
      return id;
    }
    return `${id}:${i}`;
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a listener matches for one button id: the id itself or the id with a position suffix (Bolt takes a RegExp). */
export function actionIdPattern(id: string): RegExp {
  return new RegExp(`^${escapeRegExp(id)}(?::\\d{1,3})?$`);
}

/** Any of these ids, suffixed or not, as one pattern body (no anchors) for composing. */
export function actionIdsAlternation(ids: readonly string[]): string {
  return `(?:${ids.map(escapeRegExp).join('|')})(?::\\d{1,3})?`;
}
