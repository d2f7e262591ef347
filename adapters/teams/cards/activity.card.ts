import type { ActivityStatus } from '../../../core/index';
import type { View } from '../../presenters/view';
import type { AdaptiveCard, CardRefresh } from './adaptive-card';
import type { CardOptions } from './view.card';
import { renderViewCard } from './view.card';

/** Teams shows user-specific views to at most 60 users of one card. */
export const MAX_REFRESH_USERS = 60;

/** An activity someone may still act on: its card keeps asking for each viewer's buttons. */
export const isLive = (status: ActivityStatus): boolean => status === 'Open' || status === 'Accepted';

/**
 * "Each approver sees the buttons meant for them": a client showing the card to one of
 * `userIds` (Bot Framework ids, 29:…) asks the bot for that user's view with
 * `activity.refresh`, and shows the answer to them only. Others see the card as sent.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
 */
export function activityRefresh(activityId: string, userIds: string[]): CardRefresh | undefined {
  const ids = [...new Set(userIds.filter(Boolean))].slice(0, MAX_REFRESH_USERS);
  if (!ids.length) return undefined;
  return { action: { type: 'Action.Execute', title: 'Refresh', verb: 'activity.refresh', data: { activityId } }, userIds: ids };
}

/**
 * An activity's card: the view with its buttons, refreshed per viewer while the
 * activity is live; once decided, a plain card nobody can click.
 */
export function activityCard(
  view: View,
  a: { id: string; status: ActivityStatus },
  userIds: string[],
  o: Omit<CardOptions, 'refresh'> = {},
): AdaptiveCard {
  const refresh = isLive(a.status) ? activityRefresh(a.id, userIds) : undefined;
  return renderViewCard(view, { ...o, ...(refresh ? { refresh } : {}) });
}
