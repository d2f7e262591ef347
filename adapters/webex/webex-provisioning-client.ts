import type {
  CreateCustomerRequest,
  CreateLocationRequest,
  CreateSubscriberRequest,
  CustomerProvisioning,
  PostalAddress,
  PrecheckResult,
  RemoteCustomer,
  SubscriberOutcome,
} from '../../core/index';
import { ProvisioningRefused } from '../../core/index';
import { problemsOf } from './webex-errors';
import { type WebexAnswer, WebexHttp, type WebexHttpOptions } from './webex-http';
import {
  customerBody,
  customerIdFrom,
  locationBody,
  parseCustomer,
  parseSubscriber,
  precheckFindings,
  subscriberBody,
  wholesaleAddress,
  ZLocation,
} from './webex-shapes';

export type WebexProvisioningOptions = WebexHttpOptions;

const ok = (a: WebexAnswer) => a.status >= 200 && a.status < 300;
const UNREADABLE = 'Webex answered in a form provbot does not understand; nothing more can be said about the result.';

/**
 * CustomerProvisioning over the Webex Wholesale provisioning API (and, for branch
 * locations, the Webex Locations API). Shapes from the API's public OpenAPI description;
 * the transport (token, pace, Retry-After, failures) is WebexHttp.
 */
export function createWebexProvisioningClient(options: WebexProvisioningOptions): CustomerProvisioning {
  const http = new WebexHttp(options);
  const id = (s: string) => encodeURIComponent(s);

  return {
    async precheck(request: { address: PostalAddress; customerName?: string; primaryEmail?: string }): Promise<PrecheckResult> {
      const customerInfo =
        request.customerName || request.primaryEmail ? { name: request.customerName, primaryEmail: request.primaryEmail } : undefined;
      const answer = await http.request('POST', '/wholesale/customers/validate', {
        address: wholesaleAddress(request.address),
        customerInfo,
      });
      if (answer.status === 400) {
        const findings = problemsOf(answer.body).map((p) => ({ code: p.code, message: p.description }));
        if (findings.length > 0) return { ok: false, findings };
      }
      if (!ok(answer)) http.refuse('check this customer', answer);
      const findings = precheckFindings(answer.body);
      if (findings === null) throw new Error(UNREADABLE);
      return findings.length === 0 ? { ok: true } : { ok: false, findings };
    },

    async createCustomer(request: CreateCustomerRequest) {
      const answer = await http.request('POST', '/wholesale/customers', customerBody(request));
      if (!ok(answer)) http.refuse('create the customer', answer);
      const customerId = customerIdFrom(answer.location, answer.body);
      if (!customerId) throw new Error(UNREADABLE);
      return { customerId };
    },

    async getCustomer(customerId: string): Promise<RemoteCustomer> {
      const answer = await http.request('GET', `/wholesale/customers/${id(customerId)}`);
      if (answer.status === 404)
        throw new ProvisioningRefused('Webex has no customer with this id: it may have been deleted in Partner Hub.');
      if (!ok(answer)) http.refuse('show the customer', answer);
      const customer = parseCustomer(customerId, answer.body);
      if (!customer) throw new Error(UNREADABLE);
      return customer;
    },

    async createLocation(request: CreateLocationRequest) {
      const answer = await http.request('POST', `/locations?orgId=${id(request.orgId)}`, locationBody(request));
      if (!ok(answer)) http.refuse('create the location', answer);
      const location = ZLocation.safeParse(answer.body).data;
      if (!location) throw new Error(UNREADABLE);
      return { locationId: location.id };
    },

    async createSubscriber(request: CreateSubscriberRequest): Promise<SubscriberOutcome> {
      const answer = await http.request('POST', '/wholesale/subscribers', subscriberBody(request));
      if (answer.status >= 400) {
        // A refusal of this one user (10022: the email already belongs to a user) is an outcome, not an outage.
        const [first] = problemsOf(answer.body);
        if (first) return { status: 'refused', code: first.code, message: first.description };
        http.refuse('add the user', answer);
      }
      const subscriber = parseSubscriber(answer.body);
      if (!subscriber) throw new Error(UNREADABLE);
      if (subscriber.status === 'pending_user_migration') {
        return { status: 'pending_user_migration', subscriberId: subscriber.id };
      }
      return { status: 'provisioned', subscriberId: subscriber.id };
    },

    async resendConsentEmail(subscriberId: string) {
      const answer = await http.request('POST', `/wholesale/subscribers/${id(subscriberId)}/emails/consentMove`);
      if (!ok(answer)) http.refuse('send the consent email again', answer);
    },
  };
}
