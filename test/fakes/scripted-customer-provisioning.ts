import type {
  CreateCustomerRequest,
  CreateLocationRequest,
  CreateSubscriberRequest,
  CustomerProvisioning,
  PostalAddress,
  PrecheckFinding,
  PrecheckResult,
  RemoteCustomer,
  SubscriberOutcome,
} from '../../core/index';
import { ProvisioningUnavailable } from '../../core/index';

/** What one poll of a customer answers: its status, with the orgId and packages when it has them. */
export type ScriptedState = Omit<RemoteCustomer, 'id' | 'packages'> & { packages?: RemoteCustomer['packages'] };

export type ProvisioningCall =
  | { method: 'precheck'; request: { address: PostalAddress; customerName?: string; primaryEmail?: string } }
  | { method: 'createCustomer'; request: CreateCustomerRequest }
  | { method: 'getCustomer'; customerId: string }
  | { method: 'createLocation'; request: CreateLocationRequest }
  | { method: 'createSubscriber'; request: CreateSubscriberRequest }
  | { method: 'resendConsentEmail'; subscriberId: string };

/**
 * An in-memory CustomerProvisioning for tests until the embedded simulator is wired:
 * it records every call and answers as the test scripts it. Each created customer
 * answers its polls from a script of states, one per poll, the last repeated.
 */
export class ScriptedCustomerProvisioning implements CustomerProvisioning {
  readonly calls: ProvisioningCall[] = [];
  /** The precheck's findings; none means it passes. */
  precheckFindings: PrecheckFinding[] = [];
  /** While set, every call throws it (Webex busy, down or unreachable). */
  unavailable: ProvisioningUnavailable | null = null;
  /** The polls the next created customer answers. */
  nextPolls: ScriptedState[] = [{ status: 'provisioning' }];
  /** What createSubscriber answers for an email (lower case); provisioned when absent. A thrown error is thrown. */
  readonly subscriberAnswers = new Map<string, SubscriberOutcome | Error>();
  private readonly polls = new Map<string, { states: ScriptedState[]; served: number }>();
  private counter = 0;

  /** Every later poll of `customerId` answers `states` in turn, the last repeated. */
  script(customerId: string, ...states: ScriptedState[]): void {
    this.polls.set(customerId, { states, served: 0 });
  }

  /** Webex's id of the last customer created. */
  get lastCustomerId(): string {
    return `webex-customer-${this.counter}`;
  }

  callsOf<M extends ProvisioningCall['method']>(method: M): Extract<ProvisioningCall, { method: M }>[] {
    return this.calls.filter((c): c is Extract<ProvisioningCall, { method: M }> => c.method === method);
  }

  async precheck(request: { address: PostalAddress; customerName?: string; primaryEmail?: string }): Promise<PrecheckResult> {
    this.record({ method: 'precheck', request });
    return this.precheckFindings.length ? { ok: false, findings: this.precheckFindings } : { ok: true };
  }

  async createCustomer(request: CreateCustomerRequest): Promise<{ customerId: string }> {
    this.record({ method: 'createCustomer', request });
    this.counter += 1;
    this.polls.set(this.lastCustomerId, { states: this.nextPolls, served: 0 });
    return { customerId: this.lastCustomerId };
  }

  async getCustomer(customerId: string): Promise<RemoteCustomer> {
    this.record({ method: 'getCustomer', customerId });
    const script = this.polls.get(customerId);
    if (!script) throw new Error(`no customer ${customerId} was created`);
    const state = script.states[Math.min(script.served, script.states.length - 1)]!;
    script.served += 1;
    return { id: customerId, packages: [], ...state };
  }

  async createLocation(request: CreateLocationRequest): Promise<{ locationId: string }> {
    this.record({ method: 'createLocation', request });
    return { locationId: `webex-location-${this.calls.length}` };
  }

  async createSubscriber(request: CreateSubscriberRequest): Promise<SubscriberOutcome> {
    this.record({ method: 'createSubscriber', request });
    const answer = this.subscriberAnswers.get(request.email.toLowerCase());
    if (answer instanceof Error) throw answer;
    return answer ?? { status: 'provisioned', subscriberId: `webex-subscriber-${this.calls.length}` };
  }

  async resendConsentEmail(subscriberId: string): Promise<void> {
    this.record({ method: 'resendConsentEmail', subscriberId });
  }

  private record(call: ProvisioningCall): void {
    if (this.unavailable) throw this.unavailable;
    this.calls.push(call);
  }
}

export { ProvisioningUnavailable };
