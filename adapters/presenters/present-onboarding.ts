import type { AuthenticationMethod, Customer, CustomerLocation, TemplateWithCount } from '../../core/index';
import { addressText, CUSTOMER_STATUS_WORDS, packageFields } from './present-customer-status';
import type { Field, View, ViewSection } from './view';
import { packageLabel } from './webex-packages';

export const AUTHENTICATION_WORDS: Record<AuthenticationMethod, string> = { webex: 'Webex', sso: 'Single sign-on (SSO)' };

const customersOf = (n: number) => (n === 1 ? '1 customer' : `${n} customers`);

/** "Click the Templates button to view existing templates", each with how many customers use it. */
export function presentTemplates(templates: TemplateWithCount[], prefix: string): View {
  if (templates.length === 0) {
    return {
      title: 'Onboarding templates',
      tone: 'info',
      paragraphs: [`There is no onboarding template yet. "${prefix}template create" makes one.`],
    };
  }
  return {
    title: 'Onboarding templates',
    tone: 'info',
    paragraphs: [`"${prefix}template <name>" shows one with its Provisioning ID.`],
    fields: templates.map((t) => ({ label: t.name, value: `Used by ${customersOf(t.customerCount)}` })),
  };
}

/** One template's settings, and its Provisioning ID to copy ("You'll need this value when you provision a customer organization"). */
export function presentTemplate(t: TemplateWithCount): View {
  return {
    title: `Onboarding template ${t.name}`,
    tone: 'info',
    paragraphs: ['Copy the Provisioning ID below: you need it to provision a customer organization on Webex.'],
    fields: [
      { label: 'Provisioning ID', value: t.provisioningId, code: true },
      { label: 'Wholesale subscription', value: t.subscriptionId },
      { label: 'Authentication method', value: AUTHENTICATION_WORDS[t.authenticationMethod] },
      { label: 'Cloud Connected PSTN vendor', value: t.pstnVendor ?? 'None' },
      { label: 'Default language', value: t.language },
      { label: 'Default time zone', value: t.timezone },
      { label: 'Allowed packages', value: t.packages.map(packageLabel).join(', ') },
      { label: 'Used by', value: customersOf(t.customerCount) },
    ],
  };
}

/** "Click Customers to view the list of existing customers", with where each stands. */
export function presentCustomers(customers: Customer[], prefix: string): View {
  if (customers.length === 0) {
    return { title: 'Customers', tone: 'info', paragraphs: [`There is no customer yet. "${prefix}customer create" adds one.`] };
  }
  return {
    title: 'Customers',
    tone: 'info',
    paragraphs: [`"${prefix}customer <name>" shows one with its packages and locations.`],
    fields: customers.map((c) => ({ label: c.name, value: `${CUSTOMER_STATUS_WORDS[c.status].label} · ${c.adminEmail}` })),
  };
}

/** One customer: where its creation stands, each package's outcome with the reasons, its locations (headquarters first). */
export function presentCustomer(c: Customer): View {
  const words = CUSTOMER_STATUS_WORDS[c.status];
  const packages = packageFields(c);
  return {
    title: `${c.name}: ${words.label}`,
    tone: words.tone,
    paragraphs: [`The customer ${c.name} ${words.says}.`],
    fields: [
      { label: 'Administrator', value: c.adminEmail },
      { label: 'Packages', value: c.packages.map(packageLabel).join(', ') },
    ],
    sections: [...(packages.length ? [{ heading: 'Packages on Webex', fields: packages }] : []), ...c.locations.map(locationSection)],
  };
}

function locationSection(l: CustomerLocation): ViewSection {
  const fields: Field[] = [{ label: 'Address', value: addressText(l.address) }];
  // The headquarters is usually named "Headquarters": say so once, not "Headquarters (headquarters)".
  const marked = l.headquarters && !/headquarters/i.test(l.name);
  return { heading: marked ? `${l.name} (headquarters)` : l.name, fields };
}
