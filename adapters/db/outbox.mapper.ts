import { randomUUID } from 'node:crypto';
import type {
  ClaimedDelivery,
  Delivery,
  DeliveryState,
  DigestItem,
  Escalation,
  NewDelivery,
  NewDigestItem,
  NewEscalation,
} from '../../core/index';
import type { Delivery as DeliveryRow, DigestItem as DigestRow, Escalation as EscalationRow } from '../../prisma/generated/sqlite/client';
import { fromJsonText, toJsonText } from './json-column';

/** Outbox rows <-> core values. Target and content are JSON text the core wrote. */
export function toDeliveryCreate(d: NewDelivery, now: Date) {
  return {
    id: randomUUID(),
    key: d.key,
    channel: d.target.channel === 'email' ? 'email' : d.target.platform,
    target: toJsonText(d.target),
    content: toJsonText(d.content),
    state: 'pending',
    attempts: 0,
    dueAt: d.dueAt,
    createdAt: now,
  };
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    key: row.key,
    target: fromJsonText(row.target),
    content: fromJsonText(row.content),
    dueAt: row.dueAt,
    state: row.state as DeliveryState,
    attempts: row.attempts,
    lastError: row.lastError,
    retryFrom: row.retryFrom,
    createdAt: row.createdAt,
  };
}

export function toClaimedDelivery(row: DeliveryRow, inDoubt: boolean): ClaimedDelivery {
  return { ...toDelivery(row), claim: row.claim ?? '', inDoubt };
}

export const toDigestCreate = (item: NewDigestItem) => ({
  id: randomUUID(),
  batchKey: item.batchKey,
  subject: toJsonText(item.subject),
  occurredAt: item.occurredAt,
  dueAt: item.dueAt,
});

export const toDigestItem = (row: DigestRow): DigestItem => ({
  id: row.id,
  batchKey: row.batchKey,
  subject: fromJsonText(row.subject),
  occurredAt: row.occurredAt,
  dueAt: row.dueAt,
});

export const toEscalationCreate = (e: NewEscalation) => ({ id: randomUUID(), ...e });
export const toEscalation = (row: EscalationRow): Escalation => ({ ...row });
