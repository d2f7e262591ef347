import { describe, expect, it } from 'vitest';
import type { ConnectActivationEmailInput } from './connect-activation.email';
import { connectActivationEmail } from './connect-activation.email';

const render = (stage: ConnectActivationEmailInput['stage']) =>
  connectActivationEmail({
    stage,
    customerName: 'Globex Retail',
    adminEmail: 'carla@globex.example',
    deadline: new Date('2026-12-02T10:04:00Z'),
    adminPortalUrl: 'https://admin.webex.com',
  });

describe('Connect activation emails', () => {
  it('reminds the administrator of the deadline and of the two emails, Cisco first', () => {
    const email = render('reminder');
    expect(email.subject).toBe('Activate your Webex Connect account for Globex Retail by 2026-12-02 10:04 UTC');
    expect(email.text).toContain('Open the email from Cisco first');
    expect(email.text).toContain('you will need to be added again from Control Hub or Connect');
  });

  it('tells the administrator, and separately the partner, that they must be added again', () => {
    expect(render('expired').text).toContain('You need to be added again from Control Hub (https://admin.webex.com) or from Connect');
    const partner = render('partner-expired');
    expect(partner.subject).toBe('Globex Retail: the administrator did not activate Webex Connect in time');
    expect(partner.text).toContain(
      'carla@globex.example did not activate their Webex Connect administrator account for Globex Retail within 7 business days',
    );
  });
});
