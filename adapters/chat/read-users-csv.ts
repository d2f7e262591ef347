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
 * problems (parse-users-csv) and then the core's (phone numbers, packages, the
 * administrator's no-downgrade rule, who may add users), every one named by its line
 * and column, before anyone is created (issue: "every bad row named before anything is created").
 */
export async function readUsersCsv(
  core: Core,
  actor: Actor,
  input: { customerId: string; fileName: string; text: string },
): Promise<UsersCsvReading> {
  const customer = await core.getCustomer({ actor, customerId: input.customerId });
  const parsed = parseUsersCsv(input.text, customer.locations);
  const problemsView = (problems: CsvLineProblem[]) =>
    presentUsersCsvProblems({ fileName: input.fileName, customerName: customer.name, problems });
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => ({ line: p.row, column: p.field ? CSV_COLUMN_NAMES[p.field] : null, message: p.message }));
    return { ok: false, view: problemsView(problems) };
  }
  try {
    await core.checkCustomerUsers({ actor, customerId: customer.id, users: parsed.users });
  } catch (err) {
    if (!isCoreError(err) || !err.is('VALIDATION_FAILED')) throw err;
    const problems = err.details.fields.map((f) => lineProblem(f, parsed.rows));
    // A problem of the whole list (too many users) is not a line's: it is said on its own.
    const whole = err.details.fields.find((_, i) => problems[i] === null);
    if (whole) return { ok: false, view: presentUsersCsvRefused(whole.message) };
    return { ok: false, view: problemsView(problems as CsvLineProblem[]) };
  }
  return { ok: true, customerId: customer.id, customerName: customer.name, users: parsed.users };
}

/** `users[1].phoneNumber` of a file whose users start on line 2 → line 3, phone number. */
function lineProblem(f: FieldProblem, rows: number[]): CsvLineProblem | null {
  const at = userRowOf(f.field);
  if (!at) return null;
  return { line: rows[at.index] ?? at.index + 2, column: at.field ? CSV_COLUMN_NAMES[at.field] : null, message: f.message };
}
