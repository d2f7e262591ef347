/**
 * System events for the notification work (issue 4): "Order failures,
 * Synchronization failures" (Email Notifications). Written in the same transaction
 * as the state change that raised them.
 */
export interface SystemEvent {
  type: 'order-failure';
  domain: string;
  orderNumber: string;
  occurredAt: Date;
  detail: { productType: string; kind: 'recoverable' | 'unrecoverable'; message: string };
}
