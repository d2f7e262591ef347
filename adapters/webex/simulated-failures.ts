import type { WebexPackage } from '../../core/index';

/**
 * What the simulator can be told to do wrong, for demos and tests (like
 * adapters/backend/embedded-backend.ts). Customer-level failures apply to the next
 * customer created (or the next one with `customerName`), once.
 */
export type SimulatedFailure =
  /** The customer settles `provisioned_with_errors`, this package failing with these reasons. */
  | { kind: 'package-errors'; package: WebexPackage; reasons: string[]; customerName?: string }
  /** The customer settles in `error`. */
  | { kind: 'customer-error'; reason: string; customerName?: string }
  /** The customer stays in `pending_rpl_review` (restricted-party compliance review). */
  | { kind: 'compliance-review'; customerName?: string }
  /** Precheck findings for an address in this country (on top of the supported-country check). */
  | { kind: 'precheck'; country: string; findings: string[] }
  /** Subscriber creation refused with 10022: the email already belongs to a user. */
  | { kind: 'email-taken'; email: string }
  /** Subscriber creation answers `pending_user_migration` for this email (a free Webex account). */
  | { kind: 'pending-user-migration'; email: string }
  /** The next `times` calls of any kind throw ProvisioningUnavailable. */
  | { kind: 'unavailable'; times: number; retryAfterMs?: number };

export type CustomerFailure = Extract<SimulatedFailure, { kind: 'package-errors' | 'customer-error' | 'compliance-review' }>;

const CUSTOMER_KINDS = new Set(['package-errors', 'customer-error', 'compliance-review']);

/** Takes the first customer-level failure meant for this customer out of the list. */
export function takeCustomerFailure(failures: SimulatedFailure[], customerName: string): CustomerFailure | undefined {
  const index = failures.findIndex(
    (f) => CUSTOMER_KINDS.has(f.kind) && ((f as CustomerFailure).customerName ?? customerName) === customerName,
  );
  if (index < 0) return undefined;
  return failures.splice(index, 1)[0] as CustomerFailure;
}

export function hasEmailFailure(failures: SimulatedFailure[], kind: 'email-taken' | 'pending-user-migration', email: string): boolean {
  return failures.some((f) => f.kind === kind && f.email.toLowerCase() === email.toLowerCase());
}
