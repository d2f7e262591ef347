import type {
  ConnectActivation,
  ConnectActivationRepository,
  CustomerDirectory,
  CustomerForSetup,
  NewConnectActivation,
  OutboxWrites,
  ServicesSetup,
  ServicesSetupRepository,
  SetupState,
} from '../../core/index';
import type { InMemoryOutbox } from './in-memory-outbox';

/** Customers as onboarding will keep them, for the services setup tests. */
export class InMemoryCustomerDirectory implements CustomerDirectory {
  readonly customers = new Map<string, CustomerForSetup>();
  add(customer: CustomerForSetup): CustomerForSetup {
    this.customers.set(customer.id, structuredClone(customer));
    return customer;
  }
  async findCustomerForSetup(id: string) {
    const c = this.customers.get(id);
    return c ? structuredClone(c) : null;
  }
  async listCustomersAdministeredBy(email: string) {
    const e = email.trim().toLowerCase();
    return [...this.customers.values()]
      .filter((c) => c.adminEmail.toLowerCase() === e || c.administrators.some((a) => a.email.toLowerCase() === e))
      .map((c) => structuredClone(c));
  }
}

/** The wizard's states and the Connect deadlines, with the database's conditional saves; notices go to the shared outbox. */
export class InMemoryServicesSetups implements ServicesSetupRepository, ConnectActivationRepository {
  readonly setups = new Map<string, ServicesSetup>();
  readonly activations = new Map<string, ConnectActivation>();
  private seq = 0;
  constructor(private readonly outbox: InMemoryOutbox) {}

  async find(customerId: string) {
    const s = this.setups.get(customerId);
    return s ? structuredClone(s) : null;
  }
  async saveIfVersion(next: ServicesSetup, expectedVersion: number, activation?: NewConnectActivation, writes?: OutboxWrites) {
    if ((this.setups.get(next.customerId)?.version ?? 0) !== expectedVersion) return false;
    this.setups.set(next.customerId, structuredClone({ ...next, version: expectedVersion + 1 }));
    if (
      activation &&
      ![...this.activations.values()].some(
        (a) => a.customerId === activation.customerId && a.adminEmail === activation.adminEmail.toLowerCase(),
      )
    ) {
      this.seq += 1;
      const id = `act-${this.seq}`;
      // As adapters/db: the administrator's email is stored lowercased.
      const adminEmail = activation.adminEmail.toLowerCase();
      this.activations.set(id, { ...structuredClone(activation), adminEmail, id, remindedAt: null, expiredAt: null, activatedAt: null });
    }
    if (writes) this.outbox.writeInStep(writes);
    return true;
  }
  async listPostedMessages(customerId: string) {
    return structuredClone(this.outbox.servicesSetupCopies.get(customerId) ?? []);
  }
  async listByState(state: SetupState, limit: number) {
    return [...this.setups.values()]
      .filter((s) => s.state === state)
      .slice(0, limit)
      .map((s) => structuredClone(s));
  }
  async listDue(now: Date, limit: number) {
    return [...this.activations.values()]
      .filter((a) => !a.activatedAt && !a.expiredAt && (a.deadline <= now || (!a.remindedAt && a.remindAt <= now)))
      .slice(0, limit)
      .map((a) => structuredClone(a));
  }
  async settle(id: string, stage: 'reminded' | 'expired', at: Date, writes: OutboxWrites) {
    const a = this.activations.get(id);
    if (!a || a.activatedAt || a.expiredAt || (stage === 'reminded' && a.remindedAt)) return false;
    this.activations.set(id, stage === 'reminded' ? { ...a, remindedAt: at } : { ...a, expiredAt: at });
    this.outbox.writeInStep(writes);
    return true;
  }
  async recordActivation(id: string, at: Date) {
    const a = this.activations.get(id);
    if (!a || a.activatedAt || a.expiredAt) return false;
    this.activations.set(id, { ...a, activatedAt: at });
    return true;
  }
  async listForCustomer(customerId: string) {
    return [...this.activations.values()].filter((a) => a.customerId === customerId).map((a) => structuredClone(a));
  }
}
