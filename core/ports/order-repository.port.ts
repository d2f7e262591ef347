import type { LineStatus, Order, OrderLine } from '../provisioning/provisioning';

export type LinePatch = Partial<Omit<OrderLine, 'lineNumber' | 'product'>>;

export interface OrderRepository {
  /** Throws CoreError CONFLICT when the number is taken. */
  create(order: Order): Promise<Order>;
  findByNumber(orderNumber: string): Promise<Order | null>;
  /** The numbers of the orders placed for a CCW subscription, oldest first. */
  findNumbersBySubscription(subscriptionId: string): Promise<string[]>;
  /** Applies every patch or none. */
  updateLines(orderNumber: string, patches: { lineNumber: number; patch: LinePatch }[]): Promise<void>;
  /**
   * Claims a line for its initial provisioning email: sets provisioningEmailSentAt and
   * windowEndsAt only where no email has gone out yet. Returns false when another
   * process (or an earlier tick) got there first, so each line is mailed once.
   */
  claimInitialEmail(orderNumber: string, lineNumber: number, sentAt: Date, windowEndsAt: Date): Promise<boolean>;
  /** Undoes a claim whose email could not be sent, so a later tick retries it. */
  releaseInitialEmail(orderNumber: string, lineNumber: number): Promise<void>;
  /** Lines awaiting details, never mailed, whose requested start date is on or before `day`. */
  findLinesDueForInitialEmail(day: string, limit: number): Promise<{ orderNumber: string; lineNumber: number }[]>;
  /**
   * Closes lines still awaiting details whose window ended at or before `now`, past the
   * PONR or not (onboarding is not setup: billing begins all the same); returns them.
   */
  closeExpiredLines(now: Date): Promise<{ orderNumber: string; lineNumber: number }[]>;
  /** Lines in `status` whose window ends in [from, to), soonest first (or latest first), with their orders (billing reminders). */
  findLinesByWindowEnd(input: {
    status: LineStatus;
    from: Date;
    to: Date;
    limit: number;
    latestFirst?: boolean;
  }): Promise<{ order: Order; line: OrderLine }[]>;
}
