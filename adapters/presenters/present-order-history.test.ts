import { describe, expect, it } from 'vitest';
import type { ProvisioningTransaction } from '../../core/index';
import { presentOrderHistory } from './present-order-status';

const sent = (o: Partial<ProvisioningTransaction>): ProvisioningTransaction => ({
  id: 'tx-1',
  orderNumber: 'ORD-1',
  lineNumber: 1,
  kind: 'initial-email',
  actor: { name: 'provbot scheduler', email: 'provbot@localhost' },
  channel: 'system',
  oldContact: null,
  newContact: 'it-admin@customer.example',
  status: 'Sent',
  error: null,
  createdAt: new Date('2026-11-23T10:00:00Z'),
  completedAt: new Date('2026-11-23T10:00:01Z'),
  ...o,
});

const byOf = (tx: ProvisioningTransaction) =>
  presentOrderHistory({ orderNumber: 'ORD-1', transactions: [tx], cases: [], limit: 50 }).sections?.[0]?.fields?.find(
    (f) => f.label === 'By',
  )?.value;

describe('order history', () => {
  it('names the scheduler alone, and a person with where they acted', () => {
    expect(byOf(sent({}))).toBe('provbot scheduler');
    expect(byOf(sent({ kind: 'resend', actor: { name: 'Alice Placer', email: 'alice@acme.example' }, channel: 'teams' }))).toBe(
      'Alice Placer in Teams',
    );
  });
});
