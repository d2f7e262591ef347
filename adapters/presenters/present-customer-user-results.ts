import type { CustomerUserResult, CustomerUserResultStatus } from '../../core/index';
import type { View, ViewSection } from './view';

const RESULT_WORDS: Record<CustomerUserResultStatus, string> = {
  provisioned: 'Created',
  pending_user_migration: 'Waiting for consent',
  refused: 'Refused by Webex',
  error: 'Not created',
};

/** Ten users a message: each takes up to three blocks, so a message stays well inside Slack's 50. */
export const RESULTS_PER_MESSAGE = 10;

/**
 * Set up Customer, "Click Create users": one result per user, in the order given, each
 * in words; a user waiting to consent to the move into the organization gets a "Resend
 * consent email" button. Long batches come as several messages, the first with the totals.
 */
export function presentCustomerUserResults(input: { customerId: string; customerName: string; results: CustomerUserResult[] }): View[] {
  const { results } = input;
  const count = (s: CustomerUserResultStatus) => results.filter((r) => r.status === s).length;
  const created = count('provisioned');
  const waiting = count('pending_user_migration');
  const failed = results.length - created - waiting;
  const totals = [
    `${created} created`,
    ...(waiting ? [`${waiting} waiting for consent`] : []),
    ...(failed ? [`${failed} not created`] : []),
  ];
  const views: View[] = [];
  for (let i = 0; i < results.length; i += RESULTS_PER_MESSAGE) {
    const first = i === 0;
    views.push({
      title: first ? `Users for ${input.customerName}: ${totals.join(', ')}` : `Users for ${input.customerName} (continued)`,
      tone: first ? (failed ? 'warning' : 'success') : 'info',
      paragraphs:
        first && failed
          ? ['Fix what is said under each user not created, then share the file again: users already created are skipped.']
          : [],
      sections: results.slice(i, i + RESULTS_PER_MESSAGE).map((r) => resultSection(input.customerId, r)),
    });
  }
  return views;
}

function resultSection(customerId: string, r: CustomerUserResult): ViewSection {
  return {
    heading: r.email,
    fields: [{ label: 'Result', value: RESULT_WORDS[r.status] }],
    note: r.message,
    ...(r.status === 'pending_user_migration'
      ? {
          actions: [
            {
              id: 'customer-users.resend-consent' as const,
              label: 'Resend consent email',
              value: consentValue(customerId, r.email),
              style: 'default' as const,
            },
          ],
        }
      : {}),
  };
}

/** The customer and the user's email: what resendConsentEmail needs. An email holds no space. */
const consentValue = (customerId: string, email: string) => `${customerId} ${email}`;

export function parseConsentValue(value: string): { customerId: string; email: string } | null {
  const m = /^([A-Za-z0-9_-]{1,64}) (\S{3,254})$/.exec(value);
  return m ? { customerId: m[1]!, email: m[2]! } : null;
}

/** The consent email went out again. */
export function presentConsentResent(email: string): View {
  return {
    title: 'Consent email sent again',
    tone: 'success',
    paragraphs: [`Webex sent the consent email to ${email} again; the user is created once they accept it.`],
  };
}
