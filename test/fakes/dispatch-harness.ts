import type { DeliveryTarget, DispatchCounts, SystemNotice } from '../../core/index';
import { DOMAIN, workflowHarness } from './core-harness';

/**
 * The dispatcher on the in-memory outbox, driven by hand (auto-dispatch off) with the
 * fixed clock. The deliveries are order-failure alerts: they render without records,
 * so each test is about delivery alone. The policy: TEST_DELIVERY_POLICY (retries from 1 s).
 */
export async function dispatcher() {
  const h = await workflowHarness({}, { autoDispatch: false });
  const write = async (key: string, target: DeliveryTarget) => {
    const notice: SystemNotice = {
      type: 'order-failure',
      occurredAt: h.deps.clock.now().toISOString(),
      domain: DOMAIN,
      orderNumber: 'WO-000042',
      summary: `failure ${key}`,
    };
    await h.deps.outbox.write({
      deliveries: [
        { key, target, content: { kind: 'system-alert', eventType: 'order-failure', events: [notice] }, dueAt: h.deps.clock.now() },
      ],
      digestItems: [],
      escalations: [],
    });
  };
  const stored = (key: string) => h.deps.outbox.findByKey(key)!;
  const msFromNow = (at: Date) => at.getTime() - h.deps.clock.now().getTime();
  /** One dispatch and what it left in slow lanes, counted together once all is recorded. */
  const dispatchSettled = async (): Promise<DispatchCounts> => {
    const { leftInLanes, ...report } = await h.core.dispatchDeliveries();
    const late = await leftInLanes;
    return {
      sent: report.sent + late.sent,
      retried: report.retried + late.retried,
      dead: report.dead + late.dead,
      held: report.held + late.held,
      dueAgainAt: [...report.dueAgainAt, ...late.dueAgainAt],
    };
  };
  return { ...h, write, stored, msFromNow, dispatchSettled };
}

export const OPS = { channel: 'email' as const, address: 'ops@partner.example', asUser: false, domain: DOMAIN } satisfies DeliveryTarget;
export const CHANNEL = {
  channel: 'chat' as const,
  platform: 'slack' as const,
  to: { kind: 'conversation' as const, address: 'C0APPROVALS', label: '#approvals' },
} satisfies DeliveryTarget;
