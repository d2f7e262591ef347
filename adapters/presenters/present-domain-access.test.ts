import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../core/index';
import { CoreError } from '../../core/index';
import { anAccessRequest } from '../../test/fixtures/core-values';
import { presentAccessRequestForApprover, presentDecisionForRequester } from './present-access-request';
import { userMessage } from './user-messages';

const LOCATION = { name: 'Lyon branch', address: { addressLine1: '2 Place Bellecour', city: 'Lyon', postalCode: '69002', country: 'FR' } };
const addLocation = (overrides: Partial<AccessRequest> = {}) =>
  anAccessRequest({
    orderNumber: null,
    domain: 'acme.example',
    approver: null,
    action: { kind: 'add-location', customerId: 'cus-1', customerName: 'Globex', location: LOCATION },
    requester: { name: 'Olive Orderer', email: 'olive@acme.example', channel: 'slack', platformUserId: 'UOLIVE' },
    ...overrides,
  });

describe('a request to the administrators of a partner domain, in chat', () => {
  it('shows each administrator who asks for which write, and the buttons', () => {
    const view = presentAccessRequestForApprover(addLocation(), null);
    expect(view.title).toBe('Access request for acme.example');
    expect(view.paragraphs[0]).toBe(
      'Olive Orderer (olive@acme.example) asks to add the location Lyon branch (2 Place Bellecour, Lyon, 69002, France) to Globex, which needs the Administrator role in acme.example.',
    );
    expect(view.actions?.map((a) => a.id)).toEqual(['access.approve', 'access.decline']);
  });

  it('turns into who decided, without buttons, and tells the requester what was added', () => {
    const decided = addLocation({
      status: 'Approved',
      decidedBy: { name: 'Pia Partner', email: 'pia@acme.example', channel: 'teams' },
      decidedAt: new Date('2026-11-23T11:00:00Z'),
      outcome: {
        ok: true,
        result: {
          kind: 'location-added',
          customerName: 'Globex',
          location: { id: 'loc-2', customerId: 'cus-1', ...LOCATION, remoteLocationId: 'r-1', headquarters: false, createdAt: new Date() },
        },
      },
    });
    const copy = presentAccessRequestForApprover(decided, null);
    expect(copy.title).toBe('Approved by Pia Partner at 2026-11-23 11:00 UTC');
    expect(copy.actions ?? []).toEqual([]);
    const told = presentDecisionForRequester(decided);
    expect(told.paragraphs).toEqual([
      'Pia Partner approved your request to add the location Lyon branch (2 Place Bellecour, Lyon, 69002, France) to Globex.',
      'Location Lyon branch added to Globex.',
    ]);
  });

  it('names a few users of a batch, and lists each result with how many were taken', () => {
    const users = [1, 2, 3, 4, 5].map((n) => ({
      firstName: `Ada${n}`,
      lastName: 'Lovelace',
      email: `ada${n}@globex.example`,
      package: 'webex_calling' as const,
      locationId: 'loc-1',
    }));
    const request = addLocation({ action: { kind: 'add-users', customerId: 'cus-1', customerName: 'Globex', users } });
    expect(presentAccessRequestForApprover(request, null).paragraphs[0]).toContain(
      'asks to add 5 users (ada1@globex.example, ada2@globex.example, ada3@globex.example and 2 more) to Globex,',
    );
    const told = presentDecisionForRequester({
      ...request,
      status: 'Approved',
      decidedBy: { name: 'Pia Partner', email: null, channel: 'slack' },
      outcome: {
        ok: true,
        result: {
          kind: 'users-added',
          customerName: 'Globex',
          results: [
            { email: 'ada1@globex.example', status: 'provisioned', message: 'Created.' },
            { email: 'ada2@globex.example', status: 'refused', message: 'Webex refused it.' },
          ],
        },
      },
    });
    expect(told.tone).toBe('success');
    expect(told.paragraphs.slice(1)).toEqual([
      'Users for Globex: 1 of 2 taken.',
      'ada1@globex.example: Created.',
      'ada2@globex.example: Webex refused it.',
    ]);
  });

  it('shows a services setup submit with the choices in the wizard’s words, and tells the requester it was submitted', () => {
    const request = addLocation({
      action: {
        kind: 'submit-services-setup',
        customerId: 'cus-1',
        customerName: 'Globex',
        version: 4,
        setup: {
          countryOfOperation: 'GB',
          timezone: 'Europe/London',
          platform: 'webex-contact-center',
          telephony: 'webex-calling',
          sipAddressName: 'globex',
        },
      },
    });
    expect(presentAccessRequestForApprover(request, null).paragraphs[0]).toBe(
      'Olive Orderer (olive@acme.example) asks to submit the services setup of Globex (country of operation United Kingdom, time zone Europe/London, platform Webex Contact Center, telephony Webex Calling-based agents and PSTN via Webex Calling (with active subscription)), which needs the Administrator role in acme.example.',
    );

    const told = presentDecisionForRequester({
      ...request,
      status: 'Approved',
      decidedBy: { name: 'Pia Partner', email: null, channel: 'slack' },
      outcome: { ok: true, result: { kind: 'services-setup-submitted', customerName: 'Globex' } },
    });
    expect(told.tone).toBe('success');
    expect(told.paragraphs.join(' ')).toContain('Services setup of Globex submitted');
  });

  it('shows a consent email resend by the user’s email, and the outcome', () => {
    const request = addLocation({
      action: { kind: 'resend-consent-email', customerId: 'cus-1', customerName: 'Globex', email: 'ada@globex.example' },
    });
    expect(presentAccessRequestForApprover(request, null).paragraphs[0]).toContain(
      'asks to resend the consent email to ada@globex.example, a user of Globex,',
    );
    const told = presentDecisionForRequester({
      ...request,
      status: 'Approved',
      decidedBy: { name: 'Pia Partner', email: null, channel: 'slack' },
      outcome: { ok: true, result: { kind: 'consent-email-resent', customerName: 'Globex', email: 'ada@globex.example' } },
    });
    expect(told.paragraphs.join(' ')).toContain('Consent email sent again to ada@globex.example');
  });

  it('names the administrators asked, or says the earlier request still waits', () => {
    const details = {
      domain: 'acme.example',
      action: 'create customers in acme.example',
      administrators: ['Paula Partner', 'Pia Partner'],
    };
    expect(userMessage(new CoreError('ADMIN_APPROVAL_REQUESTED', { ...details, state: 'sent' }))).toBe(
      "You need the Administrator role in acme.example to create customers in acme.example; I've asked its administrators (Paula Partner, Pia Partner) and will tell you their answer.",
    );
    expect(userMessage(new CoreError('ADMIN_APPROVAL_REQUESTED', { ...details, state: 'waiting' }))).toBe(
      'You need the Administrator role in acme.example to create customers in acme.example; your request to its administrators (Paula Partner, Pia Partner) is still open, so I did not ask again.',
    );
  });
});
