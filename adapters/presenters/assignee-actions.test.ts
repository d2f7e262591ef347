import { describe, expect, it } from 'vitest';
import type { Activity, ActivityKind, ActivityStatus, Actor, Assignee } from '../../core/index';
// The core's own answer, to hold the mapping to it.
import { allowedActions } from '../../core/orders/permissions/authorize-work';
import { DEFAULT_RULES } from '../../core/orders/model/work-order';
import { anActivity, aWorkOrder } from '../../test/fixtures/workflow-values';
import { assigneeActions } from './assignee-actions';

const DOMAIN = 'acme.example';
const SAM = 'sam@acme.example';

/** Sam, who holds every step's role in the domain: the assignee whatever the activity. */
const sam: Actor = {
  channel: 'slack',
  name: 'Sam',
  email: SAM,
  platformUserId: 'USAM',
  user: {
    id: 'u-sam',
    email: SAM,
    name: 'Sam',
    slackUserId: 'USAM',
    teamsUserId: null,
    roles: (['Approval', 'Assignment', 'Shipping', 'Receiving'] as const).map((role) => ({ role, domain: DOMAIN })),
  },
};

function activity(kind: ActivityKind, status: ActivityStatus, assignee: Assignee): Activity {
  return anActivity({ kind, status, assignee, domain: DOMAIN, acceptedBy: status === 'Accepted' ? { name: 'Sam', email: SAM } : null });
}

describe('assigneeActions', () => {
  it('gives an open Approval Accept, Approve, Reject and Delegate, and Decline only when it is with one person', () => {
    expect(assigneeActions({ kind: 'Approval', status: 'Open', assignee: { kind: 'group', role: 'Approval' } })).toEqual([
      'accept',
      'approve',
      'reject',
      'delegate',
    ]);
    expect(assigneeActions({ kind: 'Approval', status: 'Open', assignee: { kind: 'user', email: SAM } })).toEqual([
      'accept',
      'approve',
      'reject',
      'decline',
      'delegate',
    ]);
  });

  it('gives an accepted Assignment Step Complete, Decline and Delegate, and a decided activity nothing', () => {
    expect(assigneeActions({ kind: 'Assignment', status: 'Accepted', assignee: { kind: 'group', role: 'Assignment' } })).toEqual([
      'complete',
      'decline',
      'delegate',
    ]);
    for (const status of ['Done', 'Rejected', 'Withdrawn'] as const)
      expect(assigneeActions({ kind: 'Assignment', status, assignee: { kind: 'group', role: 'Assignment' } })).toEqual([]);
  });

  it('agrees with what the core allows the assignee, for every kind, live status and assignee', () => {
    for (const kind of ['Approval', 'Assignment', 'Shipping', 'Receiving'] as const) {
      for (const status of ['Open', 'Accepted'] as const) {
        for (const assignee of [
          { kind: 'group', role: kind },
          { kind: 'user', email: SAM },
        ] as const) {
          const a = activity(kind, status, assignee);
          const order = aWorkOrder({ domain: DOMAIN, state: 'Released', extendedStatus: `Waiting for ${kind}` });
          const core = allowedActions({ order, activities: [a] }, a, sam, DEFAULT_RULES(DOMAIN), new Date('2026-11-23T10:00:00Z'));
          expect({ kind, status, assignee, actions: assigneeActions(a) }).toEqual({ kind, status, assignee, actions: core });
        }
      }
    }
  });
});
