import type { Channel, Person } from './provisioning';

/**
 * One row of the order's history, like the seed's Transaction Manager
 * ("Select Provisioning email update and search for the subscription. Find the
 * status of an update"): who did what, when, through which channel, and whether
 * the email went out.
 */
export type TransactionKind = 'initial-email' | 'resend' | 'contact-change';
export type TransactionStatus = 'Pending' | 'Sent' | 'Failed';

export interface ProvisioningTransaction {
  id: string;
  orderNumber: string;
  lineNumber: number;
  kind: TransactionKind;
  actor: Person;
  channel: Channel;
  oldContact: string | null;
  newContact: string;
  status: TransactionStatus;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export type NewProvisioningTransaction = Omit<ProvisioningTransaction, 'id' | 'status' | 'error' | 'completedAt'>;
