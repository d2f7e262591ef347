import type { Customer, CustomerLocation, OnboardingTemplate, PackageResult, WebexPackage } from '../../core/index';
import type {
  Customer as CustomerRow,
  CustomerLocation as LocationRow,
  OnboardingTemplate as TemplateRow,
} from '../../prisma/generated/sqlite/client';
import { fromJsonText, toJsonText } from './json-column';

export function toTemplate(row: TemplateRow): OnboardingTemplate {
  return {
    id: row.id,
    domain: row.domain,
    name: row.name,
    subscriptionId: row.subscriptionId,
    authenticationMethod: row.authenticationMethod as OnboardingTemplate['authenticationMethod'],
    pstnVendor: row.pstnVendor,
    language: row.language,
    timezone: row.timezone,
    packages: fromJsonText<WebexPackage[]>(row.packages),
    provisioningId: row.provisioningId,
    createdBy: { name: row.createdByName, email: row.createdByEmail },
    createdAt: row.createdAt,
  };
}

export function toTemplateCreate(t: OnboardingTemplate): TemplateRow {
  return {
    id: t.id,
    domain: t.domain,
    name: t.name,
    nameKey: t.name.toLowerCase(),
    subscriptionId: t.subscriptionId,
    authenticationMethod: t.authenticationMethod,
    pstnVendor: t.pstnVendor,
    language: t.language,
    timezone: t.timezone,
    packages: toJsonText(t.packages),
    provisioningId: t.provisioningId,
    createdByName: t.createdBy.name,
    createdByEmail: t.createdBy.email,
    createdAt: t.createdAt,
  };
}

export function toLocation(row: LocationRow): CustomerLocation {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    address: {
      addressLine1: row.addressLine1,
      ...(row.addressLine2 !== null && { addressLine2: row.addressLine2 }),
      city: row.city,
      ...(row.stateOrProvince !== null && { stateOrProvince: row.stateOrProvince }),
      ...(row.postalCode !== null && { postalCode: row.postalCode }),
      country: row.country,
    },
    remoteLocationId: row.remoteLocationId,
    headquarters: row.headquarters,
    createdAt: row.createdAt,
  };
}

export function toLocationCreate(l: CustomerLocation): LocationRow {
  const a = l.address;
  return {
    id: l.id,
    customerId: l.customerId,
    name: l.name,
    addressLine1: a.addressLine1,
    addressLine2: a.addressLine2 ?? null,
    city: a.city,
    stateOrProvince: a.stateOrProvince ?? null,
    postalCode: a.postalCode ?? null,
    country: a.country,
    remoteLocationId: l.remoteLocationId,
    headquarters: l.headquarters,
    createdAt: l.createdAt,
  };
}

/** The headquarters first, then the others as they were added. */
const locationOrder = (a: LocationRow, b: LocationRow) =>
  Number(b.headquarters) - Number(a.headquarters) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

export function toCustomer(row: CustomerRow & { locations: LocationRow[] }): Customer {
  return {
    id: row.id,
    domain: row.domain,
    name: row.name,
    adminEmail: row.adminEmail,
    templateId: row.templateId,
    packages: fromJsonText<WebexPackage[]>(row.packages),
    status: row.status as Customer['status'],
    packageResults: fromJsonText<PackageResult[]>(row.packageResults),
    remoteCustomerId: row.remoteCustomerId,
    orgId: row.orgId,
    subscriptionId: row.subscriptionId,
    createdBy: {
      name: row.createdByName,
      email: row.createdByEmail,
      channel: row.createdByChannel as Customer['createdBy']['channel'],
      platformUserId: row.createdByPlatformUserId,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    locations: [...row.locations].sort(locationOrder).map(toLocation),
  };
}

export function toCustomerCreate(c: Omit<Customer, 'locations' | 'updatedAt'>): CustomerRow {
  return {
    id: c.id,
    domain: c.domain,
    name: c.name,
    // Stored lower-case: listByAdminEmail compares with one indexed equality.
    adminEmail: c.adminEmail.trim().toLowerCase(),
    templateId: c.templateId,
    packages: toJsonText(c.packages),
    status: c.status,
    packageResults: toJsonText(c.packageResults),
    remoteCustomerId: c.remoteCustomerId,
    orgId: c.orgId,
    subscriptionId: c.subscriptionId,
    createdByName: c.createdBy.name,
    createdByEmail: c.createdBy.email,
    createdByChannel: c.createdBy.channel,
    createdByPlatformUserId: c.createdBy.platformUserId,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
  };
}
