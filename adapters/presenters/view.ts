/**
 * A platform-neutral message: what Slack renders as Block Kit and Teams as an
 * Adaptive Card. Text is plain (no markup); each renderer adds its own emphasis.
 */
export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface Field {
  label: string;
  value: string;
  /** A value to copy exactly (an id): Slack shows it in a code span, Teams in a monospace font. */
  code?: true;
}

export interface ViewSection {
  heading: string;
  fields: Field[];
  note?: string;
  /**
   * Buttons for this section's item only (a digest: one set per activity). Slack puts
   * them in an actions block under the section, Teams in an ActionSet inside it.
   */
  actions?: ViewAction[];
}

/** Button ids are the same dotted names on both platforms (Slack action_id, Teams verb). */
export type ActionId =
  | 'access.approve'
  | 'access.decline'
  | 'activity.accept'
  | 'activity.approve'
  | 'activity.reject'
  | 'activity.complete'
  | 'activity.decline'
  | 'activity.delegate'
  /** Opens the services setup wizard for the customer named by the value, as `services setup <customer>` does. */
  | 'services-setup.open'
  | 'customer-users.create'
  | 'customer-users.resend-consent';

export interface ViewAction {
  id: ActionId;
  label: string;
  /**
   * Carried back on click. Access requests: the request id. Activities:
   * `<activityId>@<orderVersion>` (see activityActionValue), so a click on a card
   * built before the order changed is refused as stale.
   */
  value: string;
  style: 'primary' | 'danger' | 'default';
  /**
   * The action needs a value typed by the user before it runs: Slack opens a modal,
   * Teams shows an Action.ShowCard with an Input.Text. mac-address: "a hexadecimal
   * value ... 12 characters in length" (Shipping Phones). delegate-to: an email
   * address or a group (role) name. reject-reason: optional free text that reaches the
   * subscriber's rejection email ("Reason given: …").
   */
  input?: 'mac-address' | 'delegate-to' | 'reject-reason';
}

export const activityActionValue = (activityId: string, orderVersion: number): string => `${activityId}@${orderVersion}`;

export function parseActivityActionValue(value: string): { activityId: string; orderVersion: number } | null {
  const m = /^([A-Za-z0-9_-]{1,64})@(\d{1,9})$/.exec(value);
  return m ? { activityId: m[1]!, orderVersion: Number(m[2]) } : null;
}

export interface View {
  title: string;
  tone: Tone;
  paragraphs: string[];
  fields?: Field[];
  sections?: ViewSection[];
  actions?: ViewAction[];
  footnote?: string;
}

export const formatInstant = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export const listLines = (lines: number[]): string => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`);

/** A plain-text rendering, for logs, email fallbacks and tests. */
export function viewToText(view: View): string {
  const out = [view.title, ...view.paragraphs];
  for (const f of view.fields ?? []) out.push(`${f.label}: ${f.value}`);
  for (const s of view.sections ?? []) {
    out.push(s.heading, ...s.fields.map((f) => `  ${f.label}: ${f.value}`));
    if (s.note) out.push(`  ${s.note}`);
  }
  if (view.footnote) out.push(view.footnote);
  return out.join('\n');
}
