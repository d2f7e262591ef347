import { describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../core/index';
import { renderOrderSummaryPdf } from './order-summary.pdf';
import { pdfText } from '../../test/fakes/pdf-text';

const summary: OrderSummary = {
  customerId: 'cust-1',
  customerName: 'Globex Retail',
  licences: ['Webex Contact Center Premium Agent × 25'],
  sipAddressName: 'globex',
  country: 'United Kingdom (GB)',
  region: 'EMEA',
  dataCenter: 'United Kingdom',
  timezone: 'Europe/London',
  platform: 'Webex Contact Center',
  telephony: 'Support for external and third-party telephony environments using VPOP',
  submittedBy: 'pat@acme-partner.example',
  submittedAt: new Date('2030-03-04T10:00:00Z'),
  state: 'completed',
};

describe('order summary PDF', () => {
  it('is a PDF listing the customer, licences, country, data centre, time zone, platform, telephony and who submitted it when', async () => {
    const pdf = await renderOrderSummaryPdf(summary, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const value of [
      'Globex Retail',
      'Premium Agent × 25',
      'United Kingdom (GB)',
      'Europe/London',
      'Webex Contact Center',
      'VPOP',
      'pat@acme-partner.example',
      '2030-03-04 10:00 UTC',
    ])
      expect(text, value).toContain(value);
  });
});
