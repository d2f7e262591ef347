import { personLabel } from './labels';
import type {
  ConnectActivationRecorded,
  CustomerAdminView,
  OrderSummaryNotice,
  PendingSetup,
  ServicesSetupProgressNotice,
  ServicesSetupView,
} from '../../core/index';
import { CONNECT_TO_CONTROL_HUB, CONTROL_HUB_TO_CONNECT } from '../../core/index';
import type { View } from './view';
import { formatInstant } from './view';

/**
 * "The wizard appears each time a partner or customer administrator accesses the Control
 * Hub, until the setup is completed successfully": one line at the end of a reply, the
 * first unfinished setup named (the others follow in the next replies' order of the list).
 */
export function setupReminderLine(pending: readonly PendingSetup[], prefix: string): string | null {
  const first = pending[0];
  if (!first) return null;
  return `Your services setup for ${first.customerName} is not finished: ${prefix}services setup ${first.customerName}`;
}

/** Adds the reminder to a reply once; a reply that already carries it is left alone. */
export function withSetupReminder(view: View, line: string | null): View {
  if (!line || view.paragraphs.includes(line)) return view;
  return { ...view, paragraphs: [...view.paragraphs, line] };
}

/** After Submit, and as the backend reports: each step done or waiting; the order summary once complete. */
export function presentSetupProgress(view: Pick<ServicesSetupView, 'progress' | 'state' | 'customerName' | 'failure'>): View {
  const steps = view.progress.map((s) => ({ label: s.name, value: s.done ? 'done' : 'waiting' }));
  if (view.state === 'completed')
    return {
      title: `Services setup for ${view.customerName} completed`,
      tone: 'success',
      paragraphs: ['The Contact Center service is available in the customer organization. The order summary follows.'],
      fields: steps,
    };
  if (view.state === 'failed')
    return {
      title: `Services setup for ${view.customerName} failed`,
      tone: 'error',
      paragraphs: [view.failure ? `${capitalize(view.failure)}.` : 'The setup did not complete.'],
      fields: steps,
    };
  return {
    title: `Services setup for ${view.customerName} submitted`,
    tone: 'info',
    paragraphs: ['The services setup takes a few minutes. Progress is reported here.'],
    fields: steps,
  };
}

/** The progress message the outbox posts with Submit and updates in place as the setup advances. */
export function presentSetupProgressNotice(notice: ServicesSetupProgressNotice): View {
  const { summary } = notice;
  return presentSetupProgress({
    customerName: summary.customerName,
    state: summary.state,
    progress: notice.progress,
    failure: notice.failure,
  });
}

/** "Download Order Summary (PDF)": the words that go with the PDF, wherever it is attached or linked. */
export function presentOrderSummaryNotice(notice: OrderSummaryNotice): View {
  return {
    title: `Order summary for ${notice.summary.customerName}`,
    tone: 'success',
    paragraphs: [
      'The services setup completed: the Contact Center service is available in the customer organization. The order summary is attached as a PDF.',
    ],
  };
}

/** The PDF's file name: the customer's name with anything unsafe in a file name replaced. */
export const orderSummaryFileName = (customerName: string): string => `order-summary-${customerName.replace(/[^\w.-]+/g, '-')}.pdf`;

const ROLE_WORDS: Record<string, string> = {
  'Full Administrator': 'Customer Administrator: Full Administrator',
  'Read-only Administrator': 'Customer Administrator: Read-only',
  'Contact Center Administrator': 'Customer Contact Center Administrator',
};
const words = (role: string) => ROLE_WORDS[role] ?? role;

/** `customer admins <customer>`: each administrator's roles, then the seed's two tables. */
export function presentCustomerAdmins(r: { customerName: string; admins: CustomerAdminView[] }): View {
  return {
    title: `Administrators of ${r.customerName}`,
    tone: 'info',
    paragraphs: r.admins.length ? [] : ['No administrators are known yet.'],
    sections: [
      ...r.admins.map((a) => ({
        heading: personLabel(a.name, a.email),
        fields: [
          { label: 'Control Hub role', value: words(a.controlHubRole) },
          { label: 'Connect role', value: a.connectRole },
          { label: 'Back in Control Hub from Connect', value: words(a.controlHubRoleFromConnect) },
          ...(a.activation ? [{ label: 'Connect activation', value: activation(a.activation) }] : []),
        ],
      })),
      {
        heading: 'Control Hub users sync in Connect',
        fields: Object.entries(CONTROL_HUB_TO_CONNECT).map(([hub, connect]) => ({ label: words(hub), value: connect })),
      },
      {
        heading: 'Connect users sync in Control Hub',
        fields: Object.entries(CONNECT_TO_CONTROL_HUB).map(([connect, hub]) => ({ label: connect, value: words(hub) })),
      },
    ],
  };
}

/** `customer activated <customer> <email>`: what is recorded, and what stops because of it. */
export function presentConnectActivationRecorded(r: ConnectActivationRecorded): View {
  return {
    title: `Connect activation recorded for ${r.customerName}`,
    tone: 'success',
    paragraphs: [
      `${r.email} activated their Webex Connect account on ${day(r.activatedAt)}: no more reminders or deadline notices will be sent to them.`,
    ],
  };
}

const day = (d: Date) => formatInstant(d).slice(0, 10);

function activation(a: NonNullable<CustomerAdminView['activation']>): string {
  if (a.activatedAt) return `Connect account activated on ${day(a.activatedAt)}`;
  if (a.state === 'expired') return `not activated by ${formatInstant(a.deadline)}: they must be added again`;
  return `waiting, due by ${formatInstant(a.deadline)}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
