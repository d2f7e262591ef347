import { describe, expect, it } from 'vitest';
import { customerForm, PSTN_CAUTION, templateForm } from './onboarding-forms';
import { customerReview, editNotice, refusalNotice, reviewSectionIds, templateReview } from './onboarding-review';

const templates = [{ id: 'tpl-1', name: 'Retail calling' }];
const customerValues = {
  name: 'Initech',
  adminEmail: 'it@initech.example',
  templateId: 'tpl-1',
  packages: ['webex_calling', 'cisco_calling_plan'],
  addressLine1: '1 Initech Way',
  city: 'Austin',
  country: 'US',
  supportedLocationVerified: ['true'],
};

describe('the onboarding reviews', () => {
  it('shows a customer in the seed’s steps, choices by their labels, the box as checked, and the precheck in words', () => {
    const review = customerReview(customerForm(templates), customerValues, {
      templateName: 'Retail calling',
      precheck: 'passed',
      submitAsks: null,
    });
    expect(review).toMatchObject({ form: 'customer', submitLabel: 'Create customer', values: customerValues });
    expect(review.sections.map((s) => [s.heading, s.editable])).toEqual([
      ['Customer information', true],
      ['Packages', true],
      ['Headquarters location', true],
      ['Webex precheck', false],
    ]);
    const facts = Object.fromEntries(review.sections.flatMap((s) => s.fields.map((f) => [f.label, f.value])));
    expect(facts).toMatchObject({
      'Onboarding template': 'Retail calling',
      Packages: 'Webex Calling, Cisco Calling Plan',
      Country: 'United States',
      'Headquarters address line 2': 'None',
      'Supported location': 'Checked: I verify that this customer is in a supported location',
    });
    expect(review.sections[3]!.notes).toEqual(['Webex’s precheck found nothing that stops creating Initech in United States.']);
  });

  it('says a box left unchecked is not checked, and a missing required value is not given', () => {
    const review = customerReview(
      customerForm(templates),
      { ...customerValues, supportedLocationVerified: undefined, city: undefined },
      {
        templateName: 'Retail calling',
        precheck: 'passed',
        submitAsks: null,
      },
    );
    const facts = Object.fromEntries(review.sections.flatMap((s) => s.fields.map((f) => [f.label, f.value])));
    expect(facts).toMatchObject({ 'Supported location': 'Not checked', City: 'Not given' });
  });

  it('shows a template’s settings with the seed’s PSTN caution beside the vendor, even when none is chosen', () => {
    const review = templateReview(
      templateForm(),
      {
        name: 'Branch',
        subscriptionId: 'Sub-1',
        authenticationMethod: 'sso',
        language: 'en_US',
        timezone: 'Europe/Paris',
        packages: ['webex_meetings'],
      },
      { checked: true, submitAsks: null },
    );
    expect(review).toMatchObject({ submitLabel: 'Submit', submitNotice: null });
    expect(review.sections.map((s) => s.id)).toEqual(reviewSectionIds('template'));
    const pstn = review.sections.find((s) => s.id === 'pstn')!;
    expect(pstn.fields).toEqual([{ label: 'Cloud Connected PSTN vendor', value: 'None' }]);
    expect(pstn.notes).toEqual([PSTN_CAUTION]);
    expect(review.sections.find((s) => s.id === 'authentication')!.fields[0]!.value).toBe('Single sign-on (SSO)');
  });

  it('tells a member before Create customer that it only asks the domain’s administrators, by name', () => {
    const asks = { domain: 'partner.example', administrators: ['Ada Admin', 'Paula Partner'] };
    const review = customerReview(customerForm(templates), customerValues, {
      templateName: 'Retail calling',
      precheck: 'passed',
      submitAsks: asks,
    });
    expect(review.submitLabel).toBe('Ask the administrators');
    expect(review.submitNotice).toBe(
      "You don't hold the Administrator role in partner.example: this sends your customer to its administrators (Ada Admin, Paula Partner), and I'll tell you their answer.",
    );
    const template = templateReview(templateForm(), { name: 'Branch' }, { checked: true, submitAsks: asks });
    expect(template.submitLabel).toBe('Ask the administrators');
    expect(template.submitNotice).toContain('this sends your template to its administrators (Ada Admin, Paula Partner)');
  });

  it('tells a member whose domain has nobody to ask that the button cannot send it anywhere', () => {
    const review = templateReview(
      templateForm(),
      { name: 'Branch' },
      { checked: true, submitAsks: { domain: 'lonely.example', administrators: [] } },
    );
    expect(review.submitNotice).toBe(
      "You don't hold the Administrator role in lonely.example, and it has no administrator to send your template to: ask for the role first.",
    );
  });

  it('tells what to change after Edit, and names each refused field by its label', () => {
    expect(editNotice('customer', 'headquarters')).toBe('Change the headquarters location, then Next shows the review again.');
    expect(editNotice('customer', 'nonsense')).toBeUndefined();
    const notice = refusalNotice(customerForm(templates), {
      problems: { adminEmail: 'The administrator email must be an email address.' },
    });
    expect(notice).toBe(
      'Nothing was created. Administrator email: The administrator email must be an email address. Change it here, then Next.',
    );
  });
});
