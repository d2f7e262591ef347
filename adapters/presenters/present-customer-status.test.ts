import { describe, expect, it } from 'vitest';
import type { Customer } from '../../core/index';
import { presentCustomerStatus, presentServicesSetupOffer } from './present-customer-status';
import { viewToText } from './view';

const customer: Customer = {
  id: 'cus-1',
  domain: 'acme.example',
  name: 'Globex',
  adminEmail: 'it@globex.example',
  templateId: 'tpl-1',
  packages: ['webex_calling', 'cisco_calling_plan'],
  status: 'provisioned_with_errors',
  packageResults: [
    { name: 'webex_calling', status: 'provisioned', reasons: [] },
    { name: 'cisco_calling_plan', status: 'error', reasons: ['No number block is available.'] },
  ],
  remoteCustomerId: 'webex-1',
  orgId: 'org-1',
  subscriptionId: null,
  createdBy: { name: 'Paula', email: 'paula@acme.example', channel: 'slack', platformUserId: 'UPAULA' },
  createdAt: new Date(0),
  updatedAt: new Date(0),
  locations: [
    {
      id: 'loc-1',
      customerId: 'cus-1',
      name: 'Headquarters',
      address: { addressLine1: '1 Globex Way', city: 'Cypress Creek', stateOrProvince: 'OR', postalCode: '97000', country: 'US' },
      remoteLocationId: null,
      headquarters: true,
      createdAt: new Date(0),
    },
  ],
};

describe('presentCustomerStatus', () => {
  it('says how creation ended, each package by its name with its state and reasons in words', () => {
    const view = presentCustomerStatus(customer, 'provisioned_with_errors');
    expect(view).toMatchObject({ title: 'Globex: Provisioned with errors', tone: 'warning' });
    expect(view.fields).toEqual([
      { label: 'Administrator', value: 'it@globex.example' },
      { label: 'Packages', value: 'Webex Calling, Cisco Calling Plan' },
      { label: 'Headquarters', value: expect.stringMatching(/^1 Globex Way, Cypress Creek, OR, 97000, /) },
      { label: 'Webex Calling', value: 'Provisioned' },
      { label: 'Cisco Calling Plan', value: 'Error: No number block is available.' },
    ]);
    expect(viewToText(view)).not.toMatch(/_/);
  });

  it('words a compliance review without the API status name', () => {
    const view = presentCustomerStatus({ ...customer, packageResults: [] }, 'pending_compliance_review');
    expect(view.title).toBe('Globex: Pending compliance review');
    expect(view.paragraphs.join(' ')).toContain('compliance review');
    expect(viewToText(view)).not.toMatch(/pending_|rpl/);
  });

  it('asks to set up the services, with the button that opens the wizard for this customer, only when the core offers it', () => {
    expect(presentCustomerStatus(customer, 'provisioned').actions).toBeUndefined();
    const view = presentCustomerStatus(customer, 'provisioned', { offerServicesSetup: true });
    expect(view.paragraphs).toContain('Set up the services for Globex now?');
    expect(view.actions).toEqual([{ id: 'services-setup.open', label: 'Set up the services now', value: 'cus-1', style: 'primary' }]);
  });

  it("asks an order's placer the same question, naming the order mapped to the new organization", () => {
    const view = presentServicesSetupOffer({ kind: 'services-setup-offer', customer, orderNumber: 'ORD-41' });
    expect(view.title).toBe('Set up the services for Globex now?');
    expect(viewToText(view)).toContain('Order ORD-41 is mapped to the new Webex organization of Globex');
    expect(view.actions?.map((a) => [a.id, a.value])).toEqual([['services-setup.open', 'cus-1']]);
  });
});
