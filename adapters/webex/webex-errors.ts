import { z } from 'zod';
import type { RemoteProblem } from '../../core/index';

/** The error body of the Wholesale APIs: `{ message, errors: [{ errorCode, description }] }`. */
const ZErrorBody = z.object({
  message: z.string().optional(),
  errors: z.array(z.object({ errorCode: z.union([z.number(), z.string()]).optional(), description: z.string().optional() })).optional(),
});

/** Codes whose Webex description is not plain enough for a partner: our own words. */
export const EMAIL_TAKEN = {
  code: '10022',
  message: 'This email address already belongs to a Webex user, so it cannot be added as a new subscriber.',
};
const KNOWN_CODES: Record<string, string> = { [EMAIL_TAKEN.code]: EMAIL_TAKEN.message };

/** The problems a refusal names, each with a sentence a person can read (never the raw body). */
export function problemsOf(body: unknown): RemoteProblem[] {
  const parsed = ZErrorBody.safeParse(body);
  if (!parsed.success) return [];
  const problems = (parsed.data.errors ?? []).map((e) => {
    const code = e.errorCode === undefined ? '' : String(e.errorCode);
    return { code, description: KNOWN_CODES[code] ?? sentence(e.description) ?? 'Webex gave no reason.' };
  });
  if (problems.length === 0 && sentence(parsed.data.message)) return [{ code: '', description: sentence(parsed.data.message)! }];
  return problems;
}

/** "Webex refused to create the customer: <reasons>" with every reason a sentence. */
export function refusalMessage(what: string, status: number, problems: RemoteProblem[]): string {
  const reasons = problems.map((p) => p.description).join(' ');
  if (reasons) return `Webex refused to ${what}: ${reasons}`;
  return `Webex refused to ${what} (HTTP ${status}) and gave no reason.`;
}

function sentence(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  // A bare token such as "BAD_REQUEST" is no sentence for a person.
  if (!/\s/.test(t)) return undefined;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
