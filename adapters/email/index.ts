/**
 * The email adapter's public surface, for bot/main.ts: a transport (SMTP or outbox),
 * the core's EmailNotifier over it, and the signed one-click access and activity links.
 */
export { createMailTransport, redactSmtpUrl, ZMailTransportConfig } from './mail-transport';
export type { MailTransport, MailTransportConfig, OutgoingMail } from './mail-transport';
export { bareAddress, createEmailNotifier, messageIdFor } from './email-notifier';
export type { ClosableEmailNotifier, EmailNotifierOptions } from './email-notifier';
export { MailTransportError } from './smtp-error';
export { ACTIVITY_LINK_LIFETIME_MS, createLinkSigner, DEFAULT_LINK_LIFETIME_MS, isLinkError } from './links/link-signer';
export type {
  AccessLinkPayload,
  ActivityLinkDecision,
  ActivityLinkPayload,
  LinkDecision,
  LinkError,
  LinkSigner,
} from './links/link-signer';
export { accessLinkRouter } from './links/access-link.routes';
export type { AccessLinkRouterOptions, DecideByLinkInput, DecideByLinkResult } from './links/access-link.routes';
export { activityLinkRouter } from './links/activity-link.routes';
export type { ActivityLinkRouterOptions } from './links/activity-link.routes';
