import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/index';
// The core's own answer, to hold this mapping to it (the card's buttons before any refresh).
import { allowedActions } from '../../core/orders/authorize-work';
import { DEFAULT_RULES } from '../../core/orders/work-order';
import { anActivity, aWorkOrder } from '../presenters/workflow.fixtures';
import { assigneeActions } from './assignee-actions';

const group = { kind: 'group', role: 'Approval' } as const;
const person = { kind: 'user', email: 'sam@acme.example' } as const;

describe('assigneeActions', () => {
  it('gives an open Approval Accept, Approve, Reject and Delegate (Decline only when it is with one person)', () => {
    expect(assigneeActions({ kind: 'Approval', status: 'Open', assignee: group })).toEqual(['accept', 'approve', 'reject', 'delegate']);
    expect(assigneeActions({ kind: 'Approval', status: 'Open', assignee: person })).toEqual(['accept', 'approve', 'reject', 'decline', 'delegate']);
  });

  it('gives an accepted step its decision, Decline and Delegate', () => {
    expect(assigneeActions({ kind: 'Shipping', status: 'Accepted', assignee: person })).toEqual(['complete', 'decline', 'delegate']);
    expect(assigneeActions({ kind: 'Approval', status: 'Accepted', assignee: group })).toEqual(['approve', 'reject', 'decline', 'delegate']);
  });

  it('gives nothing once decided', () => {
    for (const status of ['Done', 'Rejected', 'Withdrawn'] as const) expect(assigneeActions({ kind: 'Assignment', status, assignee: group })).toEqual([]);
  });

  it('agrees with what the core allows an assignee, for every kind, live status and assignee', () => {
    const domain = 'acme.example';
    const sam: Actor = {
      channel: 'teams',
      name: 'Sam',
      email: person.email,
      platformUserId: 'aad-sam',
      user: { id: 'u-sam', email: person.email, name: 'Sam', slackUserId: null, teamsUserId: 'aad-sam', roles: (['Approval', 'Assignment', 'Shipping', 'Receiving'] as const).map((role) => ({ role, domain })) },
    };
    for (const kind of ['Approval', 'Assignment', 'Shipping', 'Receiving'] as const) {
      for (const status of ['Open', 'Accepted'] as const) {
        for (const assignee of [{ kind: 'group', role: kind }, person] as const) {
          const a = anActivity({ kind, status, assignee, domain, acceptedBy: status === 'Accepted' ? { name: 'Sam', email: person.email } : null });
          const order = aWorkOrder({ domain, state: 'Released', extendedStatus: `Waiting for ${kind}` });
          const core = allowedActions({ order, activities: [a] }, a, sam, DEFAULT_RULES(domain), new Date('2026-11-23T10:00:00Z'));
          expect({ kind, status, assignee, actions: assigneeActions(a) }).toEqual({ kind, status, assignee, actions: core });
        }
      }
    }
  });
});
