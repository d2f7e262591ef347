/**
 * Orders, their subscription lines, and the rules of the partner self-service
 * flows from ../shared/seeds/ccw-resend-provisioning-email.txt and
 * ../shared/seeds/ccw-change-provisioning-contact.txt.
 */

export const LINE_STATUSES = ['Awaiting Provisioning Details', 'Closed', 'Provisioned'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export type Channel = 'slack' | 'teams' | 'email' | 'api' | 'system';

export interface Person {
  email: string;
  name: string;
}

export interface OrderLine {
  lineNumber: number;
  product: string;
  status: LineStatus;
  provisioningContactEmail: string;
  /** When the provisioning email last went out (initial send or a resend). */
  provisioningEmailSentAt: Date | null;
  /** End of the policy window, fixed by the initial email; see policyWindowDays. */
  windowEndsAt: Date | null;
  /** When the line closed and billing began. */
  closedAt: Date | null;
  /** Point of no return: the organization was onboarded in the admin portal. */
  ponrAt: Date | null;
  organizationId: string | null;
  provisionedAt: Date | null;
}

export interface Order {
  number: string;
  subscriptionId: string;
  offer: string;
  domain: string;
  placedBy: Person;
  /** YYYY-MM-DD, a calendar day in UTC. */
  requestedStartDate: string;
  createdAt: Date;
  lines: OrderLine[];
}

/**
 * "If you fail to complete the provisioning process within policy-defined days of
 * receiving the email (7 days for A-Flex and A-Flex-3, 30 days for the rest of the
 * collab offers), your subscription will begin billing, and the order line will
 * close" (ccw-change-provisioning-contact).
 */
/** A line as intake creates it: awaiting details, never mailed, before the PONR. */
export function newOrderLine(line: Pick<OrderLine, 'lineNumber' | 'product' | 'provisioningContactEmail'>): OrderLine {
  return {
    ...line,
    status: 'Awaiting Provisioning Details',
    provisioningEmailSentAt: null,
    windowEndsAt: null,
    closedAt: null,
    ponrAt: null,
    organizationId: null,
    provisionedAt: null,
  };
}

export function policyWindowDays(offer: string): number {
  return offer === 'A-Flex' || offer === 'A-Flex-3' ? 7 : 30;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days left before the window ends, never negative; null before the first email. */
export function daysLeftInWindow(line: OrderLine, now: Date): number | null {
  if (!line.windowEndsAt) return null;
  return Math.max(0, Math.ceil((line.windowEndsAt.getTime() - now.getTime()) / DAY_MS));
}

/** The calendar day (UTC) of an instant, as YYYY-MM-DD. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * "PONR = Organization onboarded in Control Hub (order mapped to the organization).
 * Once the organization is onboarded, you cannot resend the provisioning email."
 */
export const isPastPonr = (line: OrderLine): boolean => line.ponrAt !== null;

/**
 * "These orders can be identified by the message indicating that the provisioning
 * is still pending": closed (billing has begun) but never provisioned.
 */
export const isProvisioningStillPending = (line: OrderLine): boolean => line.status === 'Closed' && line.provisionedAt === null;

/** Which lines a command names: one line number, or every line of the order. */
export type LineSelection = number[] | 'all';

export function selectLines(order: Order, selection: LineSelection): { found: OrderLine[]; missing: number[] } {
  if (selection === 'all') return { found: [...order.lines], missing: [] };
  const found: OrderLine[] = [];
  const missing: number[] = [];
  for (const n of selection) {
    const line = order.lines.find((l) => l.lineNumber === n);
    if (line) found.push(line);
    else missing.push(n);
  }
  return { found, missing };
}
