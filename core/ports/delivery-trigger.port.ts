/**
 * Told when a change wrote deliveries, so the dispatcher sends them now rather than on
 * its next tick. The bot's trigger starts a dispatch and returns at once; a test's may
 * deliver before returning.
 */
export interface DeliveryTrigger {
  deliveriesWritten(): Promise<void>;
}
