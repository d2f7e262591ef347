import { parse } from 'csv-parse/sync';
import type { CustomerLocation, UserRowField, WebexPackage } from '../../core/index';
import { WEBEX_PACKAGES } from '../../core/index';
import { PACKAGE_LABELS } from '../presenters/webex-packages';

/** One problem of a CSV file: the line it is on (the header is line 1), the column, and what is wrong, in words. */
export interface CsvProblem {
  row: number;
  field: UserRowField | null;
  message: string;
}

/** One user as addCustomerUsers takes it. */
export type CsvUser = Partial<Record<UserRowField, string>>;

/**
 * A file with problems still gives the users it read (`rows`: the line of each), so a
 * caller can check the lines without problems further and name every bad line at once.
 */
export type ParsedUsersCsv =
  | { ok: true; users: CsvUser[]; rows: number[] }
  | { ok: false; problems: CsvProblem[]; users?: CsvUser[]; rows?: number[] };

/** The columns, by the header as people write it (any case, spaces or underscores). */
const COLUMNS: Record<string, UserRowField> = {
  'first name': 'firstName',
  'last name': 'lastName',
  email: 'email',
  'email address': 'email',
  package: 'package',
  location: 'locationId',
  'phone number': 'phoneNumber',
  extension: 'extension',
  'admin role': 'adminRole',
  'administrator role': 'adminRole',
};
const REQUIRED: UserRowField[] = ['firstName', 'lastName', 'email', 'package', 'locationId'];
export const CSV_COLUMN_NAMES: Record<UserRowField, string> = {
  firstName: 'first name',
  lastName: 'last name',
  email: 'email',
  package: 'package',
  locationId: 'location',
  phoneNumber: 'phone number',
  extension: 'extension',
  adminRole: 'admin role',
};

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/**
 * A CSV of users (Set up Customer, "Add users") read with csv-parse: packages by label
 * ("Webex Calling") or id (webex_calling), locations by name or id. Every bad row is
 * named before anything is created; the core then checks each user's rules again.
 */
export function parseUsersCsv(text: string, locations: readonly Pick<CustomerLocation, 'id' | 'name'>[]): ParsedUsersCsv {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return {
      ok: false,
      problems: [{ row: line ?? 1, field: null, message: 'The file is not valid CSV (check the quotes on this line).' }],
    };
  }
  const [header, ...body] = records;
  if (!header)
    return { ok: false, problems: [{ row: 1, field: null, message: 'The file is empty: it needs a header line and a line per user.' }] };
  const columns = header.map((h) => COLUMNS[norm(h)] ?? null);
  const missing = REQUIRED.filter((f) => !columns.includes(f));
  if (missing.length) {
    const names = missing.map((f) => `"${CSV_COLUMN_NAMES[f]}"`).join(', ');
    return {
      ok: false,
      problems: [{ row: 1, field: null, message: `The header line lacks the column${missing.length > 1 ? 's' : ''} ${names}.` }],
    };
  }
  if (!body.length) return { ok: false, problems: [{ row: 2, field: null, message: 'The file has a header but no users.' }] };
  const problems: CsvProblem[] = [];
  const users = body.map((cells, i) => readRow(cells, columns, locations, i + 2, problems));
  const rows = body.map((_, i) => i + 2);
  return problems.length ? { ok: false, problems, users, rows } : { ok: true, users, rows };
}

function readRow(
  cells: string[],
  columns: (UserRowField | null)[],
  locations: readonly Pick<CustomerLocation, 'id' | 'name'>[],
  row: number,
  problems: CsvProblem[],
): CsvUser {
  const user: CsvUser = {};
  columns.forEach((field, i) => {
    const value = cells[i]?.trim();
    if (field && value) user[field] = value;
  });
  for (const field of REQUIRED) {
    if (!user[field]) problems.push({ row, field, message: `The ${CSV_COLUMN_NAMES[field]} is empty.` });
  }
  if (user.package) {
    const pkg = packageOf(user.package);
    if (pkg) user.package = pkg;
    else problems.push({ row, field: 'package', message: `"${user.package}" is not a Webex package.` });
  }
  if (user.locationId) {
    const key = user.locationId.toLowerCase();
    const location = locations.find((l) => l.id === user.locationId) ?? locations.find((l) => l.name.toLowerCase() === key);
    if (location) user.locationId = location.id;
    else problems.push({ row, field: 'locationId', message: `The customer has no location named "${user.locationId}".` });
  }
  return user;
}

function packageOf(text: string): WebexPackage | null {
  const key = norm(text);
  return WEBEX_PACKAGES.find((p) => p === text.trim().toLowerCase() || norm(PACKAGE_LABELS[p]) === key || norm(p) === key) ?? null;
}
