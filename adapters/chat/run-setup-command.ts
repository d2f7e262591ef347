import type { Actor, Core, ServicesSetupCore } from '../../core/index';
import { isCoreError } from '../../core/index';
import { renderOrderSummaryPdf } from '../pdf/order-summary.pdf';
import type { SetupInputId, SetupPage, SetupPageView } from '../presenters/present-services-setup';
import { changesFor, pageAfter, presentSetupPage } from '../presenters/present-services-setup';
import {
  orderSummaryFileName,
  presentConnectActivationRecorded,
  presentCustomerAdmins,
  presentSetupProgress,
  setupReminderLine,
} from '../presenters/present-setup-notices';
import { userMessage } from '../presenters/user-messages';
import type { View } from '../presenters/view';

/**
 * The services setup's chat words, the same on every platform:
 *   services setup <customer> | customer summary <customer> | customer admins <customer>
 *   customer activated <customer> <email>
 * `<customer>` is the customer's name (as `customers` lists it) or its id; the email is
 * the last word, so a name may have spaces.
 */
export type SetupCommand =
  | { kind: 'services-setup' | 'customer-summary' | 'customer-admins'; customer: string }
  | { kind: 'customer-activated'; customer: string; email: string };

const ACTIVATED = /^customer\s+activated\s+(.+)\s+(\S+)$/i;

const SETUP_WORDS: [RegExp, Exclude<SetupCommand['kind'], 'customer-activated'>][] = [
  [/^services\s+setup\s+(.+)$/i, 'services-setup'],
  [/^customer\s+summary\s+(.+)$/i, 'customer-summary'],
  [/^customer\s+admins\s+(.+)$/i, 'customer-admins'],
];

export function parseSetupCommand(text: string): SetupCommand | null {
  const t = text.trim().slice(0, 500);
  const activated = ACTIVATED.exec(t);
  if (activated) return { kind: 'customer-activated', customer: activated[1]!.trim(), email: activated[2]! };
  for (const [pattern, kind] of SETUP_WORDS) {
    const m = pattern.exec(t);
    if (m) return { kind, customer: m[1]!.trim() };
  }
  return null;
}

export type SetupReply =
  | { kind: 'view'; view: View }
  | { kind: 'open-setup'; page: SetupPageView }
  | { kind: 'summary-pdf'; view: View; fileName: string; pdf: Buffer; customerId: string };

export interface SetupChat {
  core: Pick<Core, 'listCustomers'>;
  setup: ServicesSetupCore;
}

export async function runSetupCommand(chat: SetupChat, actor: Actor, c: SetupCommand): Promise<SetupReply> {
  const customerId = await resolveCustomer(chat, actor, c.customer);
  switch (c.kind) {
    case 'services-setup': {
      const view = await chat.setup.getServicesSetup({ actor, customerId });
      if (view.state !== 'draft') return { kind: 'view', view: presentSetupProgress(view) };
      return { kind: 'open-setup', page: presentSetupPage(view, 'summary') };
    }
    case 'customer-admins':
      return { kind: 'view', view: presentCustomerAdmins(await chat.setup.customerAdmins({ actor, customerId })) };
    case 'customer-summary':
      return summaryPdf(chat.setup, actor, customerId);
    case 'customer-activated': {
      const recorded = await chat.setup.recordConnectActivation({ actor, customerId, body: { email: c.email } });
      return { kind: 'view', view: presentConnectActivationRecorded(recorded) };
    }
  }
}

/** The order summary as a PDF file, with a few words to go with it. */
export async function summaryPdf(setup: ServicesSetupCore, actor: Actor, customerId: string): Promise<SetupReply> {
  const summary = await setup.getOrderSummary({ actor, customerId });
  const pdf = await renderOrderSummaryPdf(summary);
  return {
    kind: 'summary-pdf',
    customerId,
    fileName: orderSummaryFileName(summary.customerName),
    pdf,
    view: { title: `Order summary for ${summary.customerName}`, tone: 'info', paragraphs: ['The order summary is attached as a PDF.'] },
  };
}

/** A name as typed, matched without regard to case among the customers this person may see; else taken as an id. */
async function resolveCustomer(chat: SetupChat, actor: Actor, ref: string): Promise<string> {
  const wanted = ref.toLowerCase();
  const pending = await chat.setup.pendingSetupsFor(actor);
  const own = pending.find((p) => p.customerName.toLowerCase() === wanted || p.customerId === ref);
  if (own) return own.customerId;
  const visible = await chat.core.listCustomers({ actor }).catch(() => []);
  return visible.find((c) => c.name.toLowerCase() === wanted || c.id === ref)?.id ?? ref;
}

export type WizardStep =
  | { kind: 'page'; page: SetupPageView }
  | { kind: 'problems'; problems: Partial<Record<SetupInputId | 'page', string>> }
  | { kind: 'submitted'; view: View };

/**
 * One page's button: store what it holds, then show the next page. The core decides
 * (a confirmed country is refused with the seed's reason); its refusals come back as
 * words by input, never as the core's raw strings.
 */
export async function advanceWizard(
  setup: ServicesSetupCore,
  actor: Actor,
  input: { customerId: string; page: SetupPage; value?: string },
): Promise<WizardStep> {
  const { customerId, page } = input;
  try {
    if (page === 'review') return { kind: 'submitted', view: presentSetupProgress(await setup.submitServicesSetup({ actor, customerId })) };
    const changes = changesFor(page, input.value);
    const view = changes
      ? await setup.updateServicesSetup({ actor, customerId, changes })
      : await setup.getServicesSetup({ actor, customerId });
    return { kind: 'page', page: presentSetupPage(view, pageAfter(view, page)) };
  } catch (err) {
    if (!isCoreError(err) || (err.code !== 'VALIDATION_FAILED' && err.code !== 'CONFLICT')) throw err;
    return { kind: 'problems', problems: problemsOf(err, page) };
  }
}

/** The page's own input, else the page itself, carries a refusal. */
function problemsOf(err: Parameters<typeof userMessage>[0], page: SetupPage): Partial<Record<SetupInputId | 'page', string>> {
  const own = inputOf(page);
  if (err.code === 'VALIDATION_FAILED') {
    const out: Partial<Record<SetupInputId | 'page', string>> = {};
    for (const f of (err.details as { fields?: { field: string; message: string }[] }).fields ?? []) {
      const key = (f.field === own ? own : 'page') as SetupInputId | 'page';
      out[key] = out[key] ? `${out[key]} ${f.message}` : f.message;
    }
    if (Object.keys(out).length) return out;
  }
  return { [own ?? 'page']: userMessage(err) };
}

const INPUT_OF: Partial<Record<SetupPage, SetupInputId>> = {
  'calling-setup': 'sipAddressName',
  country: 'countryOfOperation',
  timezone: 'timezone',
  platform: 'platform',
  telephony: 'telephony',
};
const inputOf = (page: SetupPage): SetupInputId | null => INPUT_OF[page] ?? null;

/** The reminder line for this person's reply, or null (nothing pending, or the setup cannot be read). */
export async function reminderFor(setup: ServicesSetupCore | null, actor: Actor, prefix: string): Promise<string | null> {
  if (!setup) return null;
  return setupReminderLine(await setup.pendingSetupsFor(actor).catch(() => []), prefix);
}
