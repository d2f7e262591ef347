import type { Actor, Core, FieldProblem } from '../../core/index';
import { isCoreError, userRowOf } from '../../core/index';
import type { CsvUser } from '../onboarding/parse-users-csv';
import { CSV_COLUMN_NAMES, parseUsersCsv } from '../onboarding/parse-users-csv';
import type { CsvLineProblem } from '../presenters/present-users-csv';
import { presentUsersCsvProblems, presentUsersCsvRefused } from '../presenters/present-users-csv';
import type { View } from '../presenters/view';

export type UsersCsvReading = { ok: true; customerId: string; customerName: string; users: CsvUser[] } | { ok: false; view: View };

/**
 * A CSV file of users read for one customer, the same on every platform: the file's own
 * problems (parse-users-csv) and the core's (phone numbers, packages, the administrator's
 * no-downgrade rule, who may add users) on the lines the file reading let through, every
 * one named by its line and column, before anyone is created (issue: "every bad row named
 * before anything is created").
 */
export async function readUsersCsv(
  core: Core,
  actor: Actor,
  input: { customerId: string; fileName: string; text: string },
): Promise<UsersCsvReading> {
  const customer = await core.getCustomer({ actor, customerId: input.customerId });
  const parsed = parseUsersCsv(input.text, customer.locations);
  const fileProblems: CsvLineProblem[] = parsed.ok
    ? []
    : parsed.problems.map((p) => ({ line: p.row, column: p.field ? CSV_COLUMN_NAMES[p.field] : null, message: p.message }));
  const badLines = new Set(fileProblems.map((p) => p.line));
  const users = parsed.users ?? [];
  const lines = parsed.rows ?? [];
  const kept = users.map((user, i) => ({ user, line: lines[i]! })).filter((u) => !badLines.has(u.line));
  let coreProblems: CsvLineProblem[] = [];
  try {
    // A file without a single readable line has nothing more to check.
    if (kept.length || parsed.ok) await core.checkCustomerUsers({ actor, customerId: customer.id, users: kept.map((u) => u.user) });
  } catch (err) {
    if (!isCoreError(err) || !err.is('VALIDATION_FAILED')) throw err;
    const mapped = err.details.fields.map((f) =>
      lineProblem(
        f,
        kept.map((u) => u.line),
      ),
    );
    // A problem of the whole list (too many users) is not a line's: it is said on its own.
    const whole = err.details.fields.find((_, i) => mapped[i] === null);
    if (whole) return { ok: false, view: presentUsersCsvRefused(whole.message) };
    coreProblems = mapped as CsvLineProblem[];
  }
  const problems = [...fileProblems, ...coreProblems].sort((a, b) => a.line - b.line);
  if (problems.length)
    return { ok: false, view: presentUsersCsvProblems({ fileName: input.fileName, customerName: customer.name, problems }) };
  return { ok: true, customerId: customer.id, customerName: customer.name, users: kept.map((u) => u.user) };
}

/** `users[1].phoneNumber` of the lines checked → that line, phone number. */
function lineProblem(f: FieldProblem, lines: number[]): CsvLineProblem | null {
  const at = userRowOf(f.field);
  if (!at) return null;
  return { line: lines[at.index] ?? at.index + 2, column: at.field ? CSV_COLUMN_NAMES[at.field] : null, message: f.message };
}
