import { z } from 'zod';
import type {
  CreateCustomerRequest,
  CreateLocationRequest,
  CreateSubscriberRequest,
  PostalAddress,
  PrecheckFinding,
  RemoteCustomer,
  RemoteProblem,
} from '../../core/index';

/** Wholesale address: our `postalCode` is Webex's `zipOrPostalCode`. */
export function wholesaleAddress(a: PostalAddress) {
  return {
    addressLine1: a.addressLine1,
    addressLine2: a.addressLine2,
    city: a.city,
    stateOrProvince: a.stateOrProvince,
    zipOrPostalCode: a.postalCode,
    country: a.country.toUpperCase(),
  };
}

export function customerBody(r: CreateCustomerRequest) {
  const body = {
    provisioningId: r.provisioningId,
    packages: r.packages,
    externalId: r.externalId,
    address: wholesaleAddress(r.address),
    customerInfo: r.customerInfo,
  };
  if (!r.callingLocation) return body;
  const { address, ...location } = r.callingLocation;
  return { ...body, provisioningParameters: { calling: { location: { ...location, address: wholesaleAddress(address) } } } };
}

export function subscriberBody(r: CreateSubscriberRequest) {
  const { customerId, email, package: pkg, ...parameters } = r;
  return { customerId, email, packages: [pkg], provisioningParameters: parameters };
}

/**
 * `POST /locations?orgId=…` belongs to the Webex Locations API, not the Wholesale one:
 * its address fields are address1/address2/state/postalCode, and it takes both a
 * preferred (user) and an announcement language.
 */
export function locationBody(r: CreateLocationRequest) {
  const a = r.address;
  return {
    name: r.name,
    timeZone: r.timezone,
    preferredLanguage: r.language,
    announcementLanguage: r.language,
    address: {
      address1: a.addressLine1,
      address2: a.addressLine2,
      city: a.city,
      state: a.stateOrProvince,
      postalCode: a.postalCode,
      country: a.country.toUpperCase(),
    },
  };
}

/** The id is the last path segment of the `Location` header (or of the body's `url`). */
export function customerIdFrom(location: string | null, body: unknown): string | null {
  const url = location ?? z.object({ url: z.string() }).safeParse(body).data?.url;
  const id = url?.replace(/\/+$/, '').split('/').pop();
  return id ? decodeURIComponent(id) : null;
}

const ZProblem = z.object({ errorCode: z.union([z.number(), z.string()]), description: z.string().default('') });
const ZCustomer = z.object({
  id: z.string().optional(),
  status: z.enum(['provisioning', 'updating', 'deleting', 'provisioned', 'provisioned_with_errors', 'error', 'pending_rpl_review']),
  orgId: z.string().optional(),
  resourceDetails: z
    .object({
      packages: z
        .array(
          z.object({
            name: z.string(),
            status: z.string(),
            warnings: z.array(ZProblem).default([]),
            errors: z.array(ZProblem).default([]),
          }),
        )
        .default([]),
    })
    .optional(),
});

const problem = (p: z.infer<typeof ZProblem>): RemoteProblem => ({ code: String(p.errorCode), description: p.description });

/** Null when Webex answered in a shape we do not know. */
export function parseCustomer(customerId: string, body: unknown): RemoteCustomer | null {
  const parsed = ZCustomer.safeParse(body);
  if (!parsed.success) return null;
  const c = parsed.data;
  return {
    id: customerId,
    status: c.status,
    ...(c.orgId && c.status.startsWith('provisioned') ? { orgId: c.orgId } : {}),
    packages: (c.resourceDetails?.packages ?? []).map((p) => ({
      name: p.name,
      status: p.status,
      warnings: p.warnings.map(problem),
      errors: p.errors.map(problem),
    })),
  };
}

const ZInfo = z.object({ infoCode: z.union([z.number(), z.string()]), description: z.string().optional() });
const ZPrecheck = z.object({ info: z.union([ZInfo, z.array(ZInfo)]).optional() });

/** The precheck's info comes as one object or an array; 100 is success, anything else a finding. */
export function precheckFindings(body: unknown): PrecheckFinding[] | null {
  const parsed = ZPrecheck.safeParse(body);
  if (!parsed.success) return null;
  const infos = parsed.data.info === undefined ? [] : [parsed.data.info].flat();
  return infos
    .filter((i) => String(i.infoCode) !== '100')
    .map((i) => ({ code: String(i.infoCode), message: i.description?.trim() || 'Webex found a problem and gave no description.' }));
}

const ZSubscriber = z.object({ id: z.string(), status: z.string().optional() });
export function parseSubscriber(body: unknown) {
  return ZSubscriber.safeParse(body).data ?? null;
}

export const ZLocation = z.object({ id: z.string() });
