import { describe, expect, it } from 'vitest';
import type { Customer, TemplateWithCount } from '../../core/index';
import { renderView } from '../slack/blocks/view.blocks';
import { renderViewCard } from '../teams/cards/view.card';
import { customerInput, customerInputOf, templateForm } from './onboarding-forms';
import { parseCommand } from '../chat/commands/parse-command';
import { presentCustomer, presentTemplate, presentTemplates } from './present-onboarding';
import { viewToText } from './view';

const at = new Date('2026-01-05T10:00:00Z');
const template = (o: Partial<TemplateWithCount> = {}): TemplateWithCount => ({
  id: 'tpl-1',
  domain: 'acme.example',
  name: 'Standard',
  subscriptionId: 'Sub-123',
  authenticationMethod: 'sso',
  pstnVendor: null,
  language: 'en_US',
  timezone: 'America/New_York',
  packages: ['webex_calling', 'cisco_calling_plan'],
  provisioningId: '7f1c_9a2b-provisioning',
  createdBy: { name: 'Pat', email: null },
  createdAt: at,
  customerCount: 2,
  ...o,
});
const address = { addressLine1: '1 Main St', city: 'Austin', stateOrProvince: 'TX', postalCode: '78701', country: 'US' };
const customer = (): Customer => ({
  id: 'cus-1',
  domain: 'acme.example',
  name: 'Globex',
  adminEmail: 'admin@globex.example',
  templateId: 'tpl-1',
  packages: ['webex_calling', 'webex_meetings'],
  status: 'provisioned_with_errors',
  packageResults: [
    { name: 'webex_calling', status: 'provisioned', reasons: [] },
    { name: 'webex_meetings', status: 'error', reasons: ['The meeting site name is taken.'] },
  ],
  remoteCustomerId: 'r-1',
  orgId: 'org-1',
  subscriptionId: null,
  createdBy: { name: 'Pat', email: null, channel: 'slack', platformUserId: 'U1' },
  createdAt: at,
  updatedAt: at,
  locations: [
    { id: 'loc-1', customerId: 'cus-1', name: 'Headquarters', address, remoteLocationId: null, headquarters: true, createdAt: at },
    {
      id: 'loc-2',
      customerId: 'cus-1',
      name: 'Dallas',
      address: { ...address, city: 'Dallas' },
      remoteLocationId: null,
      headquarters: false,
      createdAt: at,
    },
  ],
});

describe('onboarding in chat: the presenters', () => {
  it('lists templates with how many customers use each, and says how to make one when there is none', () => {
    expect(viewToText(presentTemplates([template(), template({ name: 'Lite', customerCount: 1 })], '/prov '))).toContain(
      'Standard: Used by 2 customers\nLite: Used by 1 customer',
    );
    expect(viewToText(presentTemplates([], '/prov '))).toContain('"/prov template create" makes one');
  });

  it('shows a template with packages by their labels and its Provisioning ID copyable: a code span in Slack, monospace in Teams', () => {
    const view = presentTemplate(template());
    const text = viewToText(view);
    expect(text).toContain('Allowed packages: Webex Calling, Cisco Calling Plan');
    expect(text).toContain('Authentication method: Single sign-on (SSO)');
    expect(text).not.toMatch(/webex_calling|cisco_calling_plan/);
    expect(JSON.stringify(renderView(view))).toContain('`7f1c_9a2b-provisioning`');
    const card = JSON.stringify(renderViewCard(view));
    expect(card).toMatch(/"text":"7f1c\\\\_9a2b-provisioning","wrap":true,"fontType":"Monospace"/);
  });

  it('shows a customer with each package outcome and its reasons, the headquarters first', () => {
    const text = viewToText(presentCustomer(customer()));
    expect(text).toContain('Globex: Provisioned with errors');
    expect(text).toContain('Webex Meetings: Error: The meeting site name is taken.');
    expect(text.indexOf('Headquarters')).toBeLessThan(text.indexOf('Dallas'));
    expect(text).not.toContain('Headquarters (headquarters)');
    expect(text).toContain('1 Main St, Austin, TX, 78701, United States');
  });

  it('reads the onboarding verbs, names with spaces included', () => {
    expect(parseCommand('templates')).toEqual({ ok: true, command: { kind: 'templates' } });
    expect(parseCommand('template Acme Standard')).toEqual({ ok: true, command: { kind: 'template', name: 'Acme Standard' } });
    expect(parseCommand('customer create')).toEqual({ ok: true, command: { kind: 'customer-form' } });
    expect(parseCommand('template')).toMatchObject({ ok: false, verb: 'template' });
  });

  it('turns the customer form into the core input and puts the core’s fields under the inputs', () => {
    const input = customerInput(
      { name: ' Globex ', packages: ['webex_calling'], country: 'US', addressLine1: '1 Main St', supportedLocationVerified: 'false' },
      'acme.example',
    );
    expect(input).toMatchObject({ domain: 'acme.example', name: 'Globex', packages: ['webex_calling'], supportedLocationVerified: false });
    expect(input.headquarters).toMatchObject({ addressLine1: '1 Main St', country: 'US' });
    expect(customerInputOf('headquarters.country')).toBe('country');
    expect(customerInputOf('headquarters')).toBe('addressLine1');
    expect(customerInputOf('supportedLocationVerified')).toBe('supportedLocationVerified');
  });

  it('shows the seed’s caution next to the optional PSTN vendor', () => {
    const vendor = templateForm().fields.find((f) => f.id === 'pstnVendor')!;
    expect(vendor).toMatchObject({ required: false });
    expect(vendor.hint).toContain('Cisco does not recommend using this optional template setting due to limitations with this approach');
  });
});
