import type { View } from './view';

/**
 * The words around a CSV file of users shared in chat (Set up Customer, "Add users ...
 * Review the information that you entered ... Click Create users"): how to share one,
 * why a file cannot be read, every bad line, and the confirmation before anyone is created.
 */

/** One bad line of the file: its number (the header is line 1), its column as the file names it, what is wrong. */
export interface CsvLineProblem {
  line: number;
  column: string | null;
  message: string;
}

/** Enough to fix a file in one pass without pushing the message past what Slack shows. */
const PROBLEMS_SHOWN = 60;

const users = (n: number) => (n === 1 ? '1 user' : `${n} users`);

/**
 * Teams (no prefix) cannot hand the bot a file yet: the same file goes to the API route
 * that reads it the same way (adapters/api/customer-users-api.routes.ts), with the bot's
 * API token, or to the bot in Slack. The placeholder is in braces, not angle brackets,
 * which Teams takes for markup.
 */
const TEAMS_CSV_ROUTE =
  "Files can't be shared with me in Teams yet: share it with me in Slack as above, or have someone who holds provbot's API token send it as text/csv to POST /api/customers/{customer id}/users.csv (GET /api/customers lists the ids); the answer gives each user's result.";

/** `customer users <customer>` typed without a file, and the line in `customer <name>`: how to add users from a file. */
export function presentUsersCsvGuidance(prefix: string, customerName?: string): View {
  const words = `customer users ${customerName ?? '<customer>'}`;
  return {
    title: customerName ? `Add users to ${customerName} from a CSV file` : 'Add users from a CSV file',
    tone: 'info',
    paragraphs: [
      `In Slack, share a .csv file with me, in our direct messages or in a channel where you mention me, with the message "${words}".`,
      'Its first line names the columns: first name, last name, email, package, location, and optionally phone number, extension and admin role. Write packages by name (Webex Calling) and locations by name (Headquarters).',
      'I check every line first: if any is wrong I name each one and create nobody; otherwise I ask you to confirm before I create the users.',
      ...(prefix ? [] : [TEAMS_CSV_ROUTE]),
    ],
  };
}

/** The file itself cannot be used (not a CSV, too large, gone): one sentence that says why and what to do. */
export function presentUsersCsvRefused(reason: string): View {
  return { title: "I can't use that file", tone: 'warning', paragraphs: [reason, 'Nobody was created.'] };
}

/** Every bad line of the file, by line and column; nobody is created. */
export function presentUsersCsvProblems(input: { fileName: string; customerName: string; problems: CsvLineProblem[] }): View {
  const { problems } = input;
  const lines = new Set(problems.map((p) => p.line)).size;
  const shown = problems.slice(0, PROBLEMS_SHOWN).map(lineText);
  const hidden = problems.length - shown.length;
  return {
    title: `${input.fileName}: ${lines === 1 ? '1 line' : `${lines} lines`} to fix`,
    tone: 'warning',
    paragraphs: [
      `Nobody was created for ${input.customerName}. Fix ${lines === 1 ? 'this line' : 'these lines'} and share the file again:`,
      shown.join('\n'),
      ...(hidden > 0 ? [`…and ${hidden} more problem${hidden === 1 ? '' : 's'} on later lines.`] : []),
    ],
  };
}

const lineText = (p: CsvLineProblem) => `Line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`;

/** Every line is right: the count, and the one button that creates them. */
export function presentUsersCsvReady(input: { fileName: string; customerName: string; count: number; value: string }): View {
  const label = `Create ${users(input.count)}`;
  return {
    title: `${label} for ${input.customerName}?`,
    tone: 'info',
    paragraphs: [
      `${input.fileName} has ${users(input.count)} for ${input.customerName}, and every line is right.`,
      `Nobody is created until you click "${label}". Each user is created once, even if the button is clicked again.`,
    ],
    actions: [{ id: 'customer-users.create', label, value: input.value, style: 'primary' }],
  };
}

/**
 * The confirmation once "Create N users" is clicked, in place of the message that had the
 * button: without it the same message cannot be clicked again while the users are
 * created. The results follow as messages of their own.
 */
export function presentUsersCsvCreating(input: { customerName: string; count: number }): View {
  return {
    title: `Creating ${users(input.count)} for ${input.customerName}…`,
    tone: 'info',
    paragraphs: ['The result for each user follows here as soon as it is known.'],
  };
}

/**
 * What the Create button carries: the customer, the shared file and the fingerprint of
 * its bytes. The draft stays in Slack (the file) rather than in the bot: on the click the
 * file is fetched again and used only if it is still the file that was checked.
 */
export interface UsersCsvDraft {
  customerId: string;
  fileId: string;
  sha256: string;
}

export const usersCsvDraftValue = (d: UsersCsvDraft): string => `${d.customerId}|${d.fileId}|${d.sha256}`;

export function parseUsersCsvDraftValue(value: string): UsersCsvDraft | null {
  const m = /^([A-Za-z0-9_-]{1,64})\|([A-Z0-9]{1,32})\|([0-9a-f]{64})$/.exec(value);
  return m ? { customerId: m[1]!, fileId: m[2]!, sha256: m[3]! } : null;
}
