import type { DeliveryContent, DeliveryTarget, NewDelivery, NewDigestItem, NewEscalation, OutboxWrites } from '../../../core/index';
import { unique } from './fixtures';

/** Builders for the outbox tests. Keys are unique per call: tests share a database. */

export const T0 = new Date('2030-03-01T10:00:00.000Z');
export const minutes = (n: number, from: Date = T0) => new Date(from.getTime() + n * 60_000);
export const seconds = (n: number, from: Date = T0) => new Date(from.getTime() + n * 1000);

export const emailTo = (address: string, domain: string | null = 'acme-partner.example'): DeliveryTarget => ({
  channel: 'email',
  address,
  asUser: true,
  domain,
});

export function aDelivery(overrides: Partial<NewDelivery> = {}): NewDelivery {
  return {
    key: `test:${unique()}`,
    target: emailTo('ada@acme-partner.example'),
    content: { kind: 'activity', activityId: `act-${unique()}`, escalatedAfterMinutes: null },
    dueAt: T0,
    ...overrides,
  };
}

export const deliveries = (...list: NewDelivery[]): OutboxWrites => ({ deliveries: list, digestItems: [], escalations: [] });

export function aDigestItem(batchKey: string, occurredAt: Date, windowMinutes: number): NewDigestItem {
  return {
    batchKey,
    subject: { kind: 'activity', activityId: `act-${unique()}`, domain: 'acme-partner.example', group: 'Approval', eventType: 'Approval' },
    occurredAt,
    dueAt: minutes(windowMinutes, occurredAt),
  };
}

export function anEscalation(overrides: Partial<NewEscalation> = {}): NewEscalation {
  return { activityId: `act-${unique()}`, domain: 'acme-partner.example', windowMinutes: 60, dueAt: T0, ...overrides };
}

export const systemAlert = (summary: string): DeliveryContent => ({
  kind: 'system-alert',
  eventType: 'delivery-failure',
  events: [{ type: 'delivery-failure', occurredAt: T0.toISOString(), domain: null, orderNumber: null, summary }],
});
