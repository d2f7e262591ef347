import { plainMessage, problem, sentence, USER_ROW_FIELDS, userRowOf } from '../validation-problems';
import type { FieldProblem, UserRowField } from '../validation-problems';
import type { PhoneNumbers } from '../ports/phone-numbers.port';
import type { Customer } from './onboarding';
import { hasCalling, isPackageDowngrade } from './package-rules';
import type { CustomerUserRow } from './customer-users.schemas';
import { MAX_USERS_PER_BATCH, ZCustomerUserRow } from './customer-users.schemas';

/** The seed's words (Set up Customer, "What to do next"). */
export const ADMIN_DOWNGRADE_REASON = 'No downgrade of the package is supported for the customer administrator (full administrator)';

/**
 * Every row checked before anything is created, each problem named by its row and input
 * (`users[3].phoneNumber`): the batch is taken whole or not at all.
 */
export function validateCustomerUsers(
  customer: Customer,
  input: unknown,
  phoneNumbers: PhoneNumbers,
): { rows: CustomerUserRow[]; problems: FieldProblem[] } {
  if (!Array.isArray(input)) return { rows: [], problems: [problem('users', 'Give the users as a list')] };
  if (input.length === 0) return { rows: [], problems: [problem('users', 'Give at least one user')] };
  if (input.length > MAX_USERS_PER_BATCH)
    return { rows: [], problems: [problem('users', `Give at most ${MAX_USERS_PER_BATCH} users at once`)] };
  const rows: CustomerUserRow[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw, index) => {
    const at = (field: UserRowField, message: string) => problems.push(problem(`users[${index}].${field}`, message));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(problem(`users[${index}]`, 'Each user must be a set of named values'));
      return;
    }
    // Each input on its own, so a row with a bad email still has its location and number checked.
    const row: Partial<CustomerUserRow> = {};
    for (const field of USER_ROW_FIELDS) {
      const parsed = ZCustomerUserRow.shape[field].safeParse((raw as Record<string, unknown>)[field]);
      if (parsed.success) Object.assign(row, { [field]: parsed.data });
      else at(field, sentence(plainMessage(parsed.error.issues[0]!)));
    }
    if (row.email !== undefined) {
      const first = seen.get(row.email);
      if (first !== undefined) at('email', `${row.email} is already user ${first + 1} of this list`);
      else seen.set(row.email, index);
    }
    for (const [field, message] of rowProblems(customer, row, phoneNumbers)) at(field, message);
    if (USER_ROW_FIELDS.every((f) => f in row || OPTIONAL.includes(f))) rows.push(row as CustomerUserRow);
  });
  return { rows, problems: problems.sort(byRowThenInput) };
}

/** Row by row, each row's inputs in the order a form shows them. */
function byRowThenInput(a: FieldProblem, b: FieldProblem): number {
  const [x, y] = [userRowOf(a.field), userRowOf(b.field)];
  if (!x || !y) return 0;
  const order = (f: UserRowField | null) => (f ? USER_ROW_FIELDS.indexOf(f) : -1);
  return x.index - y.index || order(x.field) - order(y.field);
}

function rowProblems(customer: Customer, row: Partial<CustomerUserRow>, phoneNumbers: PhoneNumbers): [UserRowField, string][] {
  const found: [UserRowField, string][] = [];
  const location = row.locationId === undefined ? undefined : customer.locations.find((l) => l.id === row.locationId);
  if (row.locationId !== undefined && !location)
    found.push(['locationId', `${customer.name} has no location with this id; add the location first`]);
  if (row.package === undefined) return found;
  if (!customer.packages.includes(row.package)) {
    found.push(['package', `${customer.name} does not have ${row.package}; it has ${customer.packages.join(', ')}`]);
  } else if (
    row.email !== undefined &&
    row.email === customer.adminEmail.toLowerCase() &&
    isPackageDowngrade(row.package, customer.packages)
  ) {
    found.push(['package', `${row.email} is the customer administrator. ${ADMIN_DOWNGRADE_REASON}`]);
  }
  const calling = hasCalling([row.package]);
  if (!calling && row.phoneNumber)
    found.push(['phoneNumber', `${row.package} does not include calling, so the user takes no phone number`]);
  if (!calling && row.extension) found.push(['extension', `${row.package} does not include calling, so the user takes no extension`]);
  if (calling && row.phoneNumber && location) {
    const check = phoneNumbers.check(row.phoneNumber, location.address.country);
    if (!check.ok) found.push(['phoneNumber', check.reason]);
  }
  return found;
}

const OPTIONAL: readonly UserRowField[] = ['phoneNumber', 'extension', 'adminRole'];
