import { isPhysicalPhone } from '../../catalog/catalog';
import type { Activity, ActivityKind, Assignee, DomainRules, ExtendedStatus, WorkOrder, WorkOrderState } from './work-order';
import { ACTIVITY_ROLE } from './work-order';

/**
 * The steps of "Processing Orders", in the order they run: "After you have submitted
 * orders for subscribers, they are approved and then shipped." Assignment, Shipping
 * and Receiving handle a physical phone, so they apply to Add orders with a Phone and
 * to Replace orders only ("No shipping, assignment, receipt, or tracking (for returns)
 * steps are required for provisioning a new Line product").
 */
export const STEP_ORDER: readonly ActivityKind[] = ['Approval', 'Assignment', 'Shipping', 'Receiving'];

export interface PlannedStep {
  kind: ActivityKind;
  assignee: Assignee;
}

export function handlesPhone(order: Pick<WorkOrder, 'kind' | 'changeKind' | 'items'>): boolean {
  if (order.kind === 'Add') return order.items.some((i) => isPhysicalPhone(i.type));
  return order.kind === 'Change' && order.changeKind === 'Replace';
}

/** The steps the domain's rules ask for, in order; a `...DoneBy` of null skips its step. */
export function plannedSteps(order: Pick<WorkOrder, 'kind' | 'changeKind' | 'items'>, rules: DomainRules): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const approval = {
    Add: rules.isAuthorizationRequiredForAddOrder,
    Change: rules.isAuthorizationRequiredForChangeOrder,
    Cancel: rules.isAuthorizationRequiredForCancelOrder,
  }[order.kind];
  // "Approve orders ... This user must be assigned the Approval authorization role."
  if (approval) steps.push({ kind: 'Approval', assignee: { kind: 'group', role: 'Approval' } });
  if (!handlesPhone(order)) return steps;
  if (rules.phoneAssignmentDoneBy) steps.push({ kind: 'Assignment', assignee: rules.phoneAssignmentDoneBy });
  if (rules.phoneShippingDoneBy) steps.push({ kind: 'Shipping', assignee: rules.phoneShippingDoneBy });
  if (rules.phoneReceiptDoneBy) steps.push({ kind: 'Receiving', assignee: rules.phoneReceiptDoneBy });
  return steps;
}

/** The step after `after` (null: the first), by the rules as they are now. */
export function nextStep(order: WorkOrder, rules: DomainRules, after: ActivityKind | null): PlannedStep | null {
  const from = after ? STEP_ORDER.indexOf(after) : -1;
  return plannedSteps(order, rules).find((s) => STEP_ORDER.indexOf(s.kind) > from) ?? null;
}

/** Where a declined activity goes back to: the rule's group, else the group of the activity's role. */
export function groupFor(kind: ActivityKind, rules: DomainRules): Assignee {
  const rule = {
    Approval: null,
    Assignment: rules.phoneAssignmentDoneBy,
    Shipping: rules.phoneShippingDoneBy,
    Receiving: rules.phoneReceiptDoneBy,
  }[kind];
  return rule?.kind === 'group' ? rule : { kind: 'group', role: ACTIVITY_ROLE[kind] };
}

export const waitingFor = (kind: ActivityKind): ExtendedStatus => `Waiting for ${kind}` as ExtendedStatus;
export const isError = (s: ExtendedStatus | null): boolean => s === 'Recoverable Error' || s === 'Unrecoverable Error';
export const isLive = (a: Activity): boolean => a.status === 'Open' || a.status === 'Accepted';

/**
 * "Work Order States": the extended status each state may carry. Hold keeps the error
 * that put the order there, so a reader sees why it stopped.
 */
export const LEGAL_EXTENDED_STATUS: Record<WorkOrderState, readonly (ExtendedStatus | null)[]> = {
  Initial: [null],
  Released: [
    'Being Provisioned',
    'Waiting for Approval',
    'Waiting for Assignment',
    'Waiting for Shipping',
    'Waiting for Receiving',
    'Recoverable Error',
    'Unrecoverable Error',
  ],
  Completed: [null],
  Hold: ['Recoverable Error', 'Unrecoverable Error'],
  Cancelled: [null],
};

export const describeAssignee = (a: Assignee): string => (a.kind === 'user' ? a.email : `the ${a.role} group`);

export function describeOrderState(order: Pick<WorkOrder, 'number' | 'state' | 'extendedStatus'>): string {
  return `order ${order.number} is ${order.state}${order.extendedStatus ? ` (${order.extendedStatus})` : ''}`;
}
