import { isIpPhone, normalisePhoneType, ZMacAddress } from '../../catalog/phone.schemas';
import { CoreError } from '../../errors';
import { problem, zodFields } from '../../validation-problems';
import type { Channel } from '../../provisioning/provisioning';
import type { Activity, ActivityAction, ActivityKind, Assignee, DomainRules, WorkOrder } from './work-order';
import { ACTIVITY_ROLE } from './work-order';
import { describeAssignee, describeOrderState, groupFor, isLive, nextStep, waitingFor } from './workflow-steps';

/**
 * The work order state machine, pure: it takes the order and its activities and
 * returns the next ones, or throws CoreError INVALID_STATE (or VALIDATION_FAILED for a
 * bad MAC address) and changes nothing. Use cases read, call it, and commit the step.
 * Execution results, retry and abort are in work-order-execution.ts.
 */
export interface Workflow {
  order: WorkOrder;
  activities: Activity[];
}

export interface Step extends Workflow {
  /** Activities this step created (version 1) or changed (version bumped). */
  changed: Activity[];
  /** Activities to announce to their (new) assignees: a next step, or one delegated or declined to a group. */
  opened: Activity[];
  /** The workflow reached execution: hand the order to the provisioning backend. */
  execute: boolean;
}

export interface WorkflowActor {
  name: string;
  email: string | null;
  channel: Channel;
}

export type NewId = () => string;

/**
 * "When an order is placed, a work order is created and is in the Initial state. When
 * execution of the work flow begins, the order transitions to the Released state."
 */
export function startWorkflow(order: WorkOrder, rules: DomainRules, now: Date, newId: NewId): Step {
  if (order.state !== 'Initial') throw invalid(`${describeOrderState(order)}; only an Initial order starts its workflow`);
  return advance({ order, activities: [] }, [], rules, null, now, newId);
}

/** Opens the step after `after`, or starts execution ("Being Provisioned") when none is left. */
function advance(wf: Workflow, changed: Activity[], rules: DomainRules, after: ActivityKind | null, now: Date, newId: NewId): Step {
  const step = nextStep(wf.order, rules, after);
  if (!step) {
    const order = bump(wf.order, now, { state: 'Released', extendedStatus: 'Being Provisioned', failure: null });
    return { order, activities: merge(wf.activities, changed), changed, opened: [], execute: true };
  }
  const opened: Activity = {
    id: newId(),
    orderNumber: wf.order.number,
    domain: wf.order.domain,
    kind: step.kind,
    assignee: step.assignee,
    status: 'Open',
    acceptedBy: null,
    decidedBy: null,
    decidedAt: null,
    macAddress: null,
    note: null,
    createdAt: now,
    version: 1,
  };
  const order = bump(wf.order, now, { state: 'Released', extendedStatus: waitingFor(step.kind) });
  const all = [...changed, opened];
  return { order, activities: merge(wf.activities, all), changed: all, opened: [opened], execute: false };
}

/**
 * An assignee acts on an activity ("Approving Orders", "Shipping Phones", "Receiving
 * Phones": Accept, Step Complete, decline, delegate). Approve and complete work from
 * Open as well, the Accept implied, so a one-click email approval needs one click.
 * Who may act is not checked here (../permissions/authorize-work.ts): only whether the action fits.
 */
export function applyActivityAction(
  wf: Workflow,
  activityId: string,
  action: ActivityAction,
  actor: WorkflowActor,
  rules: DomainRules,
  now: Date,
  newId: NewId,
): Step {
  const activity = wf.activities.find((a) => a.id === activityId);
  if (!activity) throw new CoreError('ACTIVITY_NOT_FOUND', { activityId });
  assertLive(wf.order, activity);
  const note = 'note' in action && action.note ? action.note : activity.note;
  const by = { name: actor.name, email: actor.email };
  const decided = { decidedBy: { ...by, channel: actor.channel }, decidedAt: now, note };

  switch (action.kind) {
    case 'accept':
      if (activity.status === 'Accepted') throw invalid(`${activity.acceptedBy?.name ?? 'someone'} already accepted this ${activity.kind}`);
      return touch(wf, { ...activity, status: 'Accepted', acceptedBy: by }, now, false);
    case 'approve':
    case 'reject':
      if (activity.kind !== 'Approval')
        throw invalid(`only an Approval is approved or rejected; mark this ${activity.kind} complete instead`);
      if (action.kind === 'reject') {
        // "If an order is rejected, the order status is set to Cancel in the subscriber record, and no provisioning is performed."
        const rejected = bumpActivity({ ...activity, status: 'Rejected', ...decided });
        const order = bump(wf.order, now, { state: 'Cancelled', extendedStatus: null, failure: null });
        return { order, activities: merge(wf.activities, [rejected]), changed: [rejected], opened: [], execute: false };
      }
      return advance(wf, [bumpActivity({ ...activity, status: 'Done', ...decided })], rules, activity.kind, now, newId);
    case 'complete':
      return complete(wf, activity, action.macAddress, decided, rules, now, newId);
    case 'decline':
      return decline(wf, activity, note, rules, now);
    case 'delegate':
      return delegate(wf, activity, action.to, now);
  }
}

function complete(
  wf: Workflow,
  activity: Activity,
  mac: string | undefined,
  decided: Partial<Activity>,
  rules: DomainRules,
  now: Date,
  newId: NewId,
): Step {
  if (activity.kind === 'Approval') throw invalid('an Approval is approved or rejected, not completed');
  if (activity.kind !== 'Assignment')
    return advance(wf, [bumpActivity({ ...activity, status: 'Done', ...decided })], rules, activity.kind, now, newId);
  // "Assignment—Assigns MAC address to a phone"; "The value must be 12 characters in length."
  if (!mac)
    throw new CoreError('VALIDATION_FAILED', {
      fields: [problem('macAddress', 'Enter the MAC address of the phone to complete the Assignment')],
    });
  const parsed = ZMacAddress.safeParse(mac);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error, { '': 'macAddress' }));
  const done = bumpActivity({ ...activity, status: 'Done', macAddress: parsed.data, ...decided });
  return advance({ ...wf, order: withPhoneMac(wf.order, parsed.data) }, [done], rules, activity.kind, now, newId);
}

/** The MAC goes on the order's phone; an IP phone is named after it (SEP + MAC). */
function withPhoneMac(order: WorkOrder, mac: string): WorkOrder {
  const items = order.items.map((item) => {
    if (item.type !== 'Phone') return item;
    const type = item.attributes.phoneType ? normalisePhoneType(item.attributes.phoneType) : null;
    const attributes: Record<string, string> = { ...item.attributes, macAddress: mac };
    if (type && isIpPhone(type)) attributes.deviceName = `SEP${mac}`;
    return { ...item, attributes };
  });
  return { ...order, items };
}

/** Accepted: back to Open for its assignee. Open for one user: back to the rule's group. */
function decline(wf: Workflow, activity: Activity, note: string | null, rules: DomainRules, now: Date): Step {
  if (activity.status === 'Accepted') return touch(wf, { ...activity, status: 'Open', acceptedBy: null, note }, now, false);
  if (activity.assignee.kind === 'group') {
    throw invalid(`this ${activity.kind} is with ${describeAssignee(activity.assignee)} and nobody has accepted it; delegate it instead`);
  }
  return touch(wf, { ...activity, assignee: groupFor(activity.kind, rules), note }, now, true);
}

function delegate(wf: Workflow, activity: Activity, to: Assignee, now: Date): Step {
  const role = ACTIVITY_ROLE[activity.kind];
  if (to.kind === 'group' && to.role !== role) {
    throw new CoreError('VALIDATION_FAILED', {
      fields: [
        problem(
          'delegateTo',
          `A ${activity.kind.toLowerCase()} activity goes to the ${role} group or to a person who holds the ${role} role, not to the ${to.role} group`,
        ),
      ],
    });
  }
  if (activity.status === 'Open' && sameAssignee(activity.assignee, to))
    throw invalid(`this ${activity.kind} is already with ${describeAssignee(to)}`);
  // "If you delegate the activity, new user or group is assigned to the activity."
  return touch(wf, { ...activity, status: 'Open', acceptedBy: null, assignee: to }, now, true);
}

function assertLive(order: WorkOrder, activity: Activity): void {
  if (!isLive(activity))
    throw invalid(`this ${activity.kind} is ${activity.status}${activity.decidedBy ? ` (by ${activity.decidedBy.name})` : ''}`);
  if (order.state !== 'Released' || order.extendedStatus !== waitingFor(activity.kind)) {
    throw invalid(`${describeOrderState(order)}, not waiting for this ${activity.kind}`);
  }
}

/** A change to the live activity alone; the order's version moves with it, so older cards go stale. */
function touch(wf: Workflow, next: Activity, now: Date, reannounce: boolean): Step {
  const activity = bumpActivity(next);
  return {
    order: bump(wf.order, now, {}),
    activities: merge(wf.activities, [activity]),
    changed: [activity],
    opened: reannounce ? [activity] : [],
    execute: false,
  };
}

export function bump(order: WorkOrder, now: Date, patch: Partial<WorkOrder>): WorkOrder {
  return { ...order, ...patch, updatedAt: now, version: order.version + 1 };
}

const bumpActivity = (a: Activity): Activity => ({ ...a, version: a.version + 1 });

function merge(all: Activity[], changed: Activity[]): Activity[] {
  const byId = new Map(all.map((a) => [a.id, a]));
  for (const a of changed) byId.set(a.id, a);
  return [...byId.values()];
}

const sameAssignee = (a: Assignee, b: Assignee): boolean =>
  a.kind === 'user' && b.kind === 'user'
    ? a.email.toLowerCase() === b.email.toLowerCase()
    : a.kind === 'group' && b.kind === 'group' && a.role === b.role;

export const invalid = (reason: string) => new CoreError('INVALID_STATE', { reason });
