import { describe, expect, it } from 'vitest';
import type { Customer } from '../../core/index';
import { presentCustomerStatus } from './present-customer-status';
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
  locations: [],
};

describe('presentCustomerStatus', () => {
  it('says how creation ended, each package by its name with its state and reasons in words', () => {
    const view = presentCustomerStatus(customer, 'provisioned_with_errors');
    expect(view).toMatchObject({ title: 'Globex: Provisioned with errors', tone: 'warning' });
    expect(view.fields).toEqual([
      { label: 'Administrator', value: 'it@globex.example' },
      { label: 'Packages', value: 'Webex Calling, Cisco Calling Plan' },
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
});
