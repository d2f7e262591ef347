/**
 * A platform-neutral message: what Slack renders as Block Kit and Teams as an
 * Adaptive Card. Text is plain (no markup); each renderer adds its own emphasis.
 */
export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface Field {
  label: string;
  value: string;
}

export interface ViewSection {
  heading: string;
  fields: Field[];
  note?: string;
}

/** Button ids are the same dotted names on both platforms (Slack action_id, Teams verb). */
export type ActionId = 'access.approve' | 'access.decline';

export interface ViewAction {
  id: ActionId;
  label: string;
  /** Carried back on click: the access request id. */
  value: string;
  style: 'primary' | 'danger';
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

export const listLines = (lines: number[]): string =>
  lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;

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
