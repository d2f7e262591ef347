import { describe, expect, it } from 'vitest';
import { anInitialOrder } from '../../../test/fakes/in-memory-workflow';
import type { DomainRules } from './work-order';
import { DEFAULT_RULES } from './work-order';
import { applyExecution, abortWorkflow, retryWorkflow } from './work-order-execution';
import type { Step, Workflow, WorkflowActor } from './work-order-machine';
import { applyActivityAction, startWorkflow } from './work-order-machine';

const now = new Date('2026-11-23T11:00:00Z');
const ids = () => {
  let n = 0;
  return () => `act-${++n}`;
};
const april: WorkflowActor = { name: 'April Approver', email: 'april@acme.example', channel: 'slack' };
const rules = (r: Partial<DomainRules> = {}): DomainRules => ({ ...DEFAULT_RULES('acme.example'), ...r });
const everyStep = rules({
  phoneShippingDoneBy: { kind: 'group', role: 'Shipping' },
  phoneReceiptDoneBy: { kind: 'user', email: 'rita@acme.example' },
});
const live = (s: Workflow) => s.activities.find((a) => a.status === 'Open' || a.status === 'Accepted')!;
const act = (s: Workflow, action: Parameters<typeof applyActivityAction>[2], r = everyStep, newId = ids()): Step =>
  applyActivityAction(s, live(s).id, action, april, r, now, newId);

describe('starting the workflow ("Processing Orders")', () => {
  it('an Add order with a phone waits for approval by the Approval group first', () => {
    const step = startWorkflow(anInitialOrder(), everyStep, now, ids());
    expect(step.order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Approval', version: 1 });
    expect(step.opened).toEqual([
      expect.objectContaining({ id: 'act-1', kind: 'Approval', assignee: { kind: 'group', role: 'Approval' }, status: 'Open', version: 1 }),
    ]);
    expect(step.execute).toBe(false);
  });

  it('goes straight to execution when no step applies: a Line needs no assignment, shipping or receipt', () => {
    const line = anInitialOrder({
      items: [{ itemNumber: 1, type: 'Line', attributes: {}, productId: null, parentItemNumber: null, parentProductId: 'p1' }],
    });
    const step = startWorkflow(line, rules({ isAuthorizationRequiredForAddOrder: false }), now, ids());
    expect(step.order).toMatchObject({ state: 'Released', extendedStatus: 'Being Provisioned' });
    expect(step).toMatchObject({ execute: true, opened: [], changed: [] });
  });

  it('Cancel and Change orders ask for approval only when their own rule says so', () => {
    const cancel = anInitialOrder({ kind: 'Cancel' });
    expect(startWorkflow(cancel, rules(), now, ids()).execute).toBe(true);
    expect(startWorkflow(cancel, rules({ isAuthorizationRequiredForCancelOrder: true }), now, ids()).order.extendedStatus).toBe(
      'Waiting for Approval',
    );
    const replace = anInitialOrder({ kind: 'Change', changeKind: 'Replace', items: [anInitialOrder().items[0]!] });
    expect(startWorkflow(replace, rules(), now, ids()).order.extendedStatus).toBe('Waiting for Assignment');
  });

  it('refuses to start an order that is not Initial', () => {
    const released = startWorkflow(anInitialOrder(), everyStep, now, ids()).order;
    expect(() => startWorkflow(released, everyStep, now, ids())).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});

describe('activities', () => {
  const started = () => startWorkflow(anInitialOrder(), everyStep, now, ids());

  it('approve, assign (with the MAC), ship and receive, then execution', () => {
    const newId = ids();
    newId();
    let s: Step = started();
    s = act(s, { kind: 'approve', note: 'ok' }, everyStep, newId);
    expect(s.order.extendedStatus).toBe('Waiting for Assignment');
    expect(s.changed.map((a) => [a.kind, a.status])).toEqual([
      ['Approval', 'Done'],
      ['Assignment', 'Open'],
    ]);
    expect(s.activities[0]).toMatchObject({
      decidedBy: { name: 'April Approver', channel: 'slack' },
      decidedAt: now,
      note: 'ok',
      version: 2,
    });

    s = act(s, { kind: 'accept' }, everyStep, newId);
    expect(live(s)).toMatchObject({ status: 'Accepted', acceptedBy: { name: 'April Approver' } });
    s = act(s, { kind: 'complete', macAddress: '00aabbccddee' }, everyStep, newId);
    expect(s.activities[1]).toMatchObject({ status: 'Done', macAddress: '00AABBCCDDEE' });
    expect(s.order.items[0]!.attributes).toEqual({ phoneType: '7945', macAddress: '00AABBCCDDEE', deviceName: 'SEP00AABBCCDDEE' });
    expect(s.order.extendedStatus).toBe('Waiting for Shipping');

    s = act(s, { kind: 'complete' }, everyStep, newId);
    expect(live(s)).toMatchObject({ kind: 'Receiving', assignee: { kind: 'user', email: 'rita@acme.example' } });
    s = act(s, { kind: 'complete' }, everyStep, newId);
    expect(s.order).toMatchObject({ state: 'Released', extendedStatus: 'Being Provisioned', version: 6 });
    expect(s.execute).toBe(true);
  });

  it('reject cancels the order and provisions nothing', () => {
    const s = act(started(), { kind: 'reject', note: 'no budget' });
    expect(s.order).toMatchObject({ state: 'Cancelled', extendedStatus: null });
    expect(s.activities[0]).toMatchObject({ status: 'Rejected', note: 'no budget' });
    expect(s).toMatchObject({ execute: false, opened: [] });
  });

  it('an Assignment completes only with a valid MAC address, and is not approved', () => {
    const s = act(started(), { kind: 'approve' });
    expect(() => act(s, { kind: 'complete' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'macAddress', message: 'Enter the MAC address of the phone to complete the Assignment.' }] },
      }),
    );
    expect(() => act(s, { kind: 'complete', macAddress: '00AABBCCDDE' })).toThrow(
      expect.objectContaining({
        details: {
          fields: [{ field: 'macAddress', message: 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.' }],
        },
      }),
    );
    expect(() => act(s, { kind: 'approve' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        details: { reason: 'only an Approval is approved or rejected; mark this Assignment complete instead' },
      }),
    );
  });

  it('decline: an accepted activity goes back to Open for its assignee; one for a person goes back to the group', () => {
    const accepted = act(started(), { kind: 'accept' });
    expect(act(accepted, { kind: 'decline' }).activities[0]).toMatchObject({
      status: 'Open',
      acceptedBy: null,
      assignee: { kind: 'group', role: 'Approval' },
    });
    const toArthur = act(started(), { kind: 'delegate', to: { kind: 'user', email: 'arthur@acme.example' } });
    const back = act(toArthur, { kind: 'decline', note: 'on leave' });
    expect(back.activities[0]).toMatchObject({ status: 'Open', assignee: { kind: 'group', role: 'Approval' }, note: 'on leave' });
    expect(back.opened.map((a) => a.id)).toEqual(['act-1']);
    expect(() => act(started(), { kind: 'decline' })).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });

  it("delegate: a new assignee, Open again; only to a person or the group of the activity's role", () => {
    const accepted = act(started(), { kind: 'accept' });
    const s = act(accepted, { kind: 'delegate', to: { kind: 'user', email: 'arthur@acme.example' } });
    expect(s.activities[0]).toMatchObject({ status: 'Open', acceptedBy: null, assignee: { kind: 'user', email: 'arthur@acme.example' } });
    expect(() => act(started(), { kind: 'delegate', to: { kind: 'group', role: 'Shipping' } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => act(started(), { kind: 'delegate', to: { kind: 'group', role: 'Approval' } })).toThrow(
      expect.objectContaining({ details: { reason: 'this Approval is already with the Approval group' } }),
    );
  });

  it('a decided activity takes no more actions, and nothing changes', () => {
    const rejected = act(started(), { kind: 'reject' });
    const copy = structuredClone(rejected);
    expect(() => applyActivityAction(rejected, 'act-1', { kind: 'approve' }, april, everyStep, now, ids())).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE', details: { reason: 'this Approval is Rejected (by April Approver)' } }),
    );
    expect(rejected).toEqual(copy);
  });

  it('the rules are read at each step: a step switched off meanwhile is skipped', () => {
    const s = act(started(), { kind: 'approve' }, rules({ phoneAssignmentDoneBy: null }));
    expect(s.order.extendedStatus).toBe('Being Provisioned');
  });
});

describe('execution ("Work Order States")', () => {
  const running = (origin: 'chat' | 'api' | 'batch') =>
    startWorkflow(
      anInitialOrder({ origin }),
      rules({ isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null }),
      now,
      ids(),
    );
  const failure = (kind: 'recoverable' | 'unrecoverable') => ({
    ok: false as const,
    failure: { productType: 'Line' as const, kind, message: 'CUCM said no' },
  });

  it('all items done: Completed', () => {
    expect(applyExecution(running('chat'), { ok: true }, now).order).toMatchObject({
      state: 'Completed',
      extendedStatus: null,
      version: 2,
    });
  });

  it('a failure from chat stays Released with its error; from the API goes to Hold at once; batch by the error', () => {
    expect(applyExecution(running('chat'), failure('unrecoverable'), now).order).toMatchObject({
      state: 'Released',
      extendedStatus: 'Unrecoverable Error',
    });
    expect(applyExecution(running('api'), failure('recoverable'), now).order).toMatchObject({
      state: 'Hold',
      extendedStatus: 'Recoverable Error',
    });
    expect(applyExecution(running('batch'), failure('recoverable'), now).order).toMatchObject({
      state: 'Released',
      extendedStatus: 'Recoverable Error',
    });
    expect(applyExecution(running('batch'), failure('unrecoverable'), now).order).toMatchObject({
      state: 'Hold',
      extendedStatus: 'Unrecoverable Error',
    });
  });

  it('each failure raises an order-failure event', () => {
    expect(applyExecution(running('chat'), failure('recoverable'), now).events).toEqual([
      {
        type: 'order-failure',
        domain: 'acme.example',
        orderNumber: 'WO-000001',
        occurredAt: now,
        detail: { productType: 'Line', kind: 'recoverable', message: 'CUCM said no' },
      },
    ]);
  });

  it('retry runs a failed order again; abort puts it on Hold; neither applies to an order without an error', () => {
    const failed = applyExecution(running('chat'), failure('recoverable'), now);
    expect(retryWorkflow(failed, now)).toMatchObject({
      execute: true,
      order: { state: 'Released', extendedStatus: 'Being Provisioned', failure: null },
    });
    expect(abortWorkflow(failed, now).order).toMatchObject({ state: 'Hold', extendedStatus: 'Recoverable Error' });
    expect(() => retryWorkflow(running('chat'), now)).toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        details: {
          reason:
            'order WO-000001 is Released (Being Provisioned); only a Released order with an error, or one Being Provisioned for over 10 minutes, can be retried',
        },
      }),
    );
    expect(() => abortWorkflow(applyExecution(running('chat'), { ok: true }, now), now)).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    );
  });
});
