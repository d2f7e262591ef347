import type { Customer, CustomerLocation, TemplateWithCount } from '../../core/index';

/** The API's shapes for onboarding: field names as the interface promises, dates as ISO text. */

export const templateBody = (t: TemplateWithCount) => ({
  id: t.id,
  domain: t.domain,
  name: t.name,
  subscriptionId: t.subscriptionId,
  authenticationMethod: t.authenticationMethod,
  pstnVendor: t.pstnVendor,
  language: t.language,
  timezone: t.timezone,
  packages: t.packages,
  provisioningId: t.provisioningId,
  customerCount: t.customerCount,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
});

export const locationBody = (l: CustomerLocation) => ({
  id: l.id,
  name: l.name,
  address: l.address,
  headquarters: l.headquarters,
  remoteLocationId: l.remoteLocationId,
  createdAt: l.createdAt.toISOString(),
});

/** "each package has its own status and reasons": until Webex reports on one, it shares the customer's status. */
function packagesOf(c: Customer) {
  return c.packages.map((name) => {
    const result = c.packageResults.find((r) => r.name === name);
    return { name, status: result?.status ?? c.status, reasons: result?.reasons ?? [] };
  });
}

export const customerBody = (c: Customer) => ({
  id: c.id,
  domain: c.domain,
  name: c.name,
  adminEmail: c.adminEmail,
  templateId: c.templateId,
  status: c.status,
  packages: packagesOf(c),
  headquarters: c.locations.find((l) => l.headquarters)?.address ?? null,
  locations: c.locations.map(locationBody),
  orgId: c.orgId,
  subscriptionId: c.subscriptionId,
  createdBy: { name: c.createdBy.name, email: c.createdBy.email },
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});
