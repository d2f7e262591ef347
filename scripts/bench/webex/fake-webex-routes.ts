import { randomUUID } from 'node:crypto';
import { isSupportedCountry, unsupportedCountryReason } from '../../../core/index';

/** One scripted end state for a customer, as `GET /wholesale/customers/{id}` shows it once settled. */
export interface FakeCustomerOutcome {
  status: 'provisioned' | 'provisioned_with_errors' | 'error' | 'pending_rpl_review';
  /** Package name -> its errors. */
  packageErrors?: Record<string, { errorCode: number; description: string }[]>;
}

export interface FakeCustomer {
  id: string;
  body: Record<string, any>;
  gets: number;
  orgId: string;
  outcome: FakeCustomerOutcome;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
const errors = (status: number, errorCode: number, description: string): Answer => ({
  status,
  body: { message: 'Bad Request', errors: [{ errorCode, description }] },
});

/** The state and routes of FakeWebexServer: shapes from the Wholesale OpenAPI description and the Locations API. */
export class FakeWebexState {
  pollsUntilProvisioned = 2;
  /** Answer the precheck's info as an array instead of one object (the API does both). */
  precheckInfoAsArray = false;
  readonly customers = new Map<string, FakeCustomer>();
  /** By customer name: how that customer settles (default provisioned). */
  readonly outcomes = new Map<string, FakeCustomerOutcome>();
  /** By country code: extra precheck errors. */
  readonly precheckErrors = new Map<string, { errorCode: number; description: string }[]>();
  /** Emails that already belong to a user (10022). */
  readonly takenEmails = new Set<string>();
  /** Emails of free Webex accounts: the subscriber waits for consent (pending_user_migration). */
  readonly migratingEmails = new Set<string>();
  readonly subscribers = new Map<string, { email: string; pending: boolean; consentEmails: number }>();
  readonly locations = new Map<string, { orgId: string; name: string; body: unknown }>();

  route(method: string, url: URL, body: any): Answer {
    const path = url.pathname.replace(/^\/v1/, '');
    if (method === 'POST' && path === '/wholesale/customers/validate') return this.validate(body);
    if (method === 'POST' && path === '/wholesale/customers') return this.createCustomer(body);
    const customer = path.match(/^\/wholesale\/customers\/([^/]+)$/);
    if (method === 'GET' && customer) return this.getCustomer(decodeURIComponent(customer[1]!));
    if (method === 'POST' && path === '/locations') return this.createLocation(url.searchParams.get('orgId'), body);
    if (method === 'POST' && path === '/wholesale/subscribers') return this.createSubscriber(body);
    const consent = path.match(/^\/wholesale\/subscribers\/([^/]+)\/emails\/consentMove$/);
    if (method === 'POST' && consent) return this.consentMove(decodeURIComponent(consent[1]!));
    return { status: 404, body: { message: 'Not Found' } };
  }

  private validate(body: any): Answer {
    const country = String(body?.address?.country ?? '');
    if (!body?.address) return errors(400, 4003, 'The address is required.');
    const found = [
      ...(isSupportedCountry(country) ? [] : [{ errorCode: 4008, description: unsupportedCountryReason(country) }]),
      ...(this.precheckErrors.get(country) ?? []),
    ];
    if (found.length > 0) return { status: 400, body: { message: 'Provisioning Precheck failed', errors: found } };
    const info = { infoCode: 100, description: 'Provisioning Precheck validation successful.' };
    return { status: 200, body: { message: 'success', info: this.precheckInfoAsArray ? [info] : info } };
  }

  private createCustomer(body: any): Answer {
    if (!body?.provisioningId || !body?.externalId || !body?.customerInfo?.name) return errors(400, 4003, 'Required fields are missing.');
    if (!isSupportedCountry(String(body.address?.country)))
      return errors(400, 4008, unsupportedCountryReason(String(body.address?.country)));
    const existing = [...this.customers.values()].find((c) => c.body.externalId === body.externalId);
    const id = existing?.id ?? `cust-${randomUUID()}`;
    if (!existing) {
      const outcome = this.outcomes.get(body.customerInfo.name) ?? { status: 'provisioned' };
      this.customers.set(id, { id, body, gets: 0, orgId: `org-${randomUUID()}`, outcome });
    }
    const url = `https://webexapis.com/v1/wholesale/customers/${id}`;
    return { status: 202, body: { url }, headers: { location: url } };
  }

  private getCustomer(id: string): Answer {
    const c = this.customers.get(id);
    if (!c) return errors(404, 4004, 'Customer not found.');
    c.gets += 1;
    const settled = c.gets > this.pollsUntilProvisioned;
    const status = settled ? c.outcome.status : 'provisioning';
    const packages = (c.body.packages as string[]).map((name) => {
      const errs = settled ? (c.outcome.packageErrors?.[name] ?? []) : [];
      const settledAs = status === 'provisioned_with_errors' ? 'provisioned' : status;
      const pkgStatus = !settled ? 'provisioning' : errs.length > 0 || status === 'error' ? 'error' : settledAs;
      return { name, status: pkgStatus, warnings: [], errors: errs };
    });
    const orgId = status.startsWith('provisioned') ? { orgId: c.orgId } : {};
    return { status: 200, body: { id, status, externalId: c.body.externalId, ...orgId, resourceDetails: { packages } } };
  }

  private createLocation(orgId: string | null, body: any): Answer {
    const org = [...this.customers.values()].find((c) => c.orgId === orgId && c.gets > this.pollsUntilProvisioned);
    if (!org?.outcome.status.startsWith('provisioned')) return errors(404, 4004, 'Organization not found.');
    const name = String(body?.name ?? '').toLowerCase();
    if ([...this.locations.values()].some((l) => l.orgId === orgId && l.name === name)) {
      return errors(409, 9621, 'A location with this name already exists.');
    }
    const id = `loc-${randomUUID()}`;
    this.locations.set(id, { orgId: orgId!, name, body });
    return { status: 200, body: { id } };
  }

  private createSubscriber(body: any): Answer {
    const email = String(body?.email ?? '').toLowerCase();
    if (!this.customers.has(body?.customerId)) return errors(400, 10004, 'The customer was not found.');
    const taken = this.takenEmails.has(email) || [...this.subscribers.values()].some((s) => s.email === email);
    if (taken) return errors(409, 10022, 'User already exists in another organization.');
    const id = `sub-${randomUUID()}`;
    const pending = this.migratingEmails.has(email);
    this.subscribers.set(id, { email, pending, consentEmails: 0 });
    if (pending) return { status: 202, body: { id, status: 'pending_user_migration' } };
    return { status: 200, body: { id, status: 'provisioned' } };
  }

  private consentMove(id: string): Answer {
    const s = this.subscribers.get(id);
    if (!s) return errors(404, 4004, 'Subscriber not found.');
    if (!s.pending) return errors(400, 10031, 'The user is not pending a move.');
    s.consentEmails += 1;
    return { status: 204 };
  }
}
