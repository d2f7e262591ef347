import type { ActivityAction, ActivityKind } from '../../core/index';

type ActivityActionKind = ActivityAction['kind'];

/**
 * The words for the workflow's activities, shared by chat (cards, the digest, the App
 * Home, `activities`) and email, so the same thing is called the same everywhere. The
 * seed calls them activities ("My Activities"; "Processing Orders"), so do we.
 */

/** What each activity is, as a noun for counts: "3 order approvals", "1 shipping activity". */
export const ACTIVITY_NOUN: Record<ActivityKind, [one: string, many: string]> = {
  Approval: ['order approval', 'order approvals'],
  Assignment: ['phone assignment', 'phone assignments'],
  Shipping: ['shipping activity', 'shipping activities'],
  Receiving: ['receiving activity', 'receiving activities'],
};

export const countOf = (n: number, [one, many]: [string, string]): string => `${n} ${n === 1 ? one : many}`;

/** The words on an activity's buttons, which email names when it tells people what to press in chat. */
export const ACTION_LABEL: Record<ActivityActionKind, string> = {
  accept: 'Accept',
  approve: 'Approve',
  reject: 'Reject order',
  decline: 'Hand back',
  delegate: 'Delegate',
  complete: 'Step Complete',
};

/** "the shipping activity": one activity of a work order, in a sentence. */
export const activityName = (kind: ActivityKind): string => `${kind.toLowerCase()} activity`;

/** "Shipping needed": the title of a card and the subject of an email that ask for one. */
export const activityNeeded = (kind: ActivityKind): string => `${kind} needed`;

/** When nothing waits: the same sentence in `activities`, the App Home and email. */
export const NOTHING_WAITING = 'Nothing is waiting for you: no order approvals, phone assignments, shipping or receiving activities.';
