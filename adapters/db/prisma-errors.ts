/**
 * Unique violations surface as PrismaClientKnownRequestError P2002, whose meta carries
 * the driver adapter's description. SQLite names the columns
 * (`constraint: { fields: ['number'] }`); PostgreSQL names the index
 * (`constraint: { index: 'orders_number_key' }`, Prisma's `<table>_<column>_key`).
 */
interface AdapterCause {
  kind?: string;
  table?: string;
  constraint?: { fields?: string[]; index?: string };
}

function uniqueCause(err: unknown): AdapterCause | null {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null;
  if (e?.code !== 'P2002') return null;
  return e.meta?.driverAdapterError?.cause ?? {};
}

/** True when `err` is a unique violation on `table` (and on `column`, when given). */
export function isUniqueViolation(err: unknown, table: string, column?: string): boolean {
  const cause = uniqueCause(err);
  if (!cause || cause.table !== table) return false;
  if (column === undefined) return true;
  const { fields, index } = cause.constraint ?? {};
  return fields?.includes(column) === true || index === `${table}_${column}_key`;
}
