import type { PostedMessage } from '../access/access-request';
import type { OutboxWrites } from '../notifications/delivery';
import type { ConnectActivation, NewConnectActivation, ServicesSetup, SetupState } from '../services-setup/services-setup';

export interface ServicesSetupRepository {
  find(customerId: string): Promise<ServicesSetup | null>;
  /**
   * Stores `next` (its version `expectedVersion + 1`) only while the stored version is
   * still `expectedVersion` (0: nothing stored yet): one conditional statement, so of two
   * administrators saving at once exactly one wins; false for the other, nothing written.
   * `activation` is added, and `writes` go to the outbox, in the same transaction (the
   * progress message with Submit, its updates and the order summary as it advances).
   */
  saveIfVersion(next: ServicesSetup, expectedVersion: number, activation?: NewConnectActivation, writes?: OutboxWrites): Promise<boolean>;
  /** Where the progress message was posted: the outbox stores each copy when it is sent (OutboxRepository.markSent). */
  listPostedMessages(customerId: string): Promise<PostedMessage[]>;
  listByState(state: SetupState, limit: number): Promise<ServicesSetup[]>;
}

export interface ConnectActivationRepository {
  /** Not activated and due: a reminder not yet sent whose time has come, or a deadline passed and not yet told. */
  listDue(now: Date, limit: number): Promise<ConnectActivation[]>;
  /** Marks the stage done and writes its notices in one transaction; false when it already was (another process). */
  settle(id: string, stage: 'reminded' | 'expired', at: Date, writes: OutboxWrites): Promise<boolean>;
  listForCustomer(customerId: string): Promise<ConnectActivation[]>;
  /** Records the activation at `at` while neither activated nor expired; false when it already was either. */
  recordActivation(id: string, at: Date): Promise<boolean>;
}
