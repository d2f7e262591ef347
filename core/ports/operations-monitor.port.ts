/**
 * What the core tells the people who operate provbot, without tying it to a metrics
 * or tracing library: the bot turns these into Prometheus metrics and log correlation ids.
 */
export type DeliveryDestination = 'email' | 'slack' | 'teams';

/**
 * How one try of one delivery ended: sent; failed and put off to retry; refused for now
 * by the platform's rate limit (a 429 with Retry-After); held back untried (this
 * process's pacing, or a claim too near its end); dead-lettered.
 */
export type DeliveryOutcome = 'sent' | 'retried' | 'rate_limited' | 'held' | 'dead';

export interface OperationsMonitor {
  deliveryTried(event: { destination: DeliveryDestination; outcome: DeliveryOutcome }): void;
  /** An activity was decided (approved, rejected, completed): how long it waited since it was opened. */
  activityDecided(event: { kind: string; waitedMs: number }): void;
  /**
   * Runs one delivery's work, so that every log line it causes (here and in the
   * notifiers) can be told apart from the others' by an id naming this delivery.
   */
  withinDelivery<T>(deliveryId: string, work: () => Promise<T>): Promise<T>;
}

/** Reports nothing: core tests and scripts that do not watch operations. */
export const quietMonitor: OperationsMonitor = {
  deliveryTried() {},
  activityDecided() {},
  withinDelivery: (_id, work) => work(),
};
