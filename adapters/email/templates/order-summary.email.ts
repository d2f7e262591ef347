import type { OrderSummaryNotice, ServicesSetupProgressNotice } from '../../../core/index';
import { formatInstant } from './describe-request';
import type { EmailContent } from './email-layout';
import { composeEmail, fields, paragraph } from './email-layout';

/**
 * Seed (Services setup wizard): "Click the Download Order Summary (PDF) to download the
 * order summary." Sent once the setup completes, to the customer's administrator and to
 * whoever submitted it; the PDF is attached by the email notifier.
 */
export function orderSummaryEmail(notice: OrderSummaryNotice): EmailContent {
  const s = notice.summary;
  return composeEmail(`Order summary for ${s.customerName}: services setup completed`, [
    paragraph('Hello,'),
    paragraph(
      `The services setup for ${s.customerName} completed: the Contact Center service is available in the customer organization. `,
      'The order summary is attached as a PDF.',
    ),
    fields([
      ['Customer', s.customerName],
      ['Country of operation', s.country],
      ['Platform', s.platform],
      ['Telephony', s.telephony],
      ['Submitted by', s.submittedBy],
      ['Submitted at', formatInstant(s.submittedAt)],
    ]),
  ]);
}

/** The progress message is posted in chat only; an email of it (never planned today) says where the setup stands. */
export function setupProgressEmail(notice: ServicesSetupProgressNotice): EmailContent {
  const s = notice.summary;
  return composeEmail(`Services setup for ${s.customerName}: ${s.state}`, [
    paragraph(`The services setup for ${s.customerName} is ${s.state}.`),
    fields(notice.progress.map((step): [string, string] => [step.name, step.done ? 'done' : 'waiting'])),
  ]);
}
