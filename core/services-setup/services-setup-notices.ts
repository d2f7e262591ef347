import type { PostedMessage } from '../access/access-request';
import type { CoreDeps } from '../core-deps';
import type { DeliveryContent, DeliveryTarget, NewDelivery } from '../notifications/delivery';
import { shortHash, targetKey } from '../notifications/delivery';
import type { OrderSummaryNotice, ServicesSetupProgressNotice } from '../notifications/notice';
import type { CustomerForSetup } from '../ports/customer-directory.port';
import { orderSummaryOf } from './get-order-summary';
import type { ServicesSetup, SetupSubmitter } from './services-setup';

/**
 * What a services setup tells, through the outbox, in the save that causes it. Seed
 * (Services setup wizard): "click Submit. The services setup takes a few minutes", then
 * "Click the Download Order Summary (PDF) to download the order summary". The bot
 * reports the minutes in one message to the submitter, updated in place, and hands the
 * summary over when the setup completes: to the submitter and the customer's
 * administrator.
 */

/** The submitter's direct chat on the platform they submitted from; else their email; else nobody. */
export function submitterTarget(submitter: SetupSubmitter | null, domain: string): DeliveryTarget | null {
  if (!submitter) return null;
  if ((submitter.channel === 'slack' || submitter.channel === 'teams') && submitter.platformUserId)
    return {
      channel: 'chat',
      platform: submitter.channel,
      to: { kind: 'user', platformUserId: submitter.platformUserId, email: submitter.email ?? '' },
    };
  return submitter.email ? { channel: 'email', address: submitter.email, asUser: false, domain } : null;
}

/** With Submit: one progress message in the submitter's chat (by email there is nothing to update, so none). */
export function progressDeliveries(customer: CustomerForSetup, setup: ServicesSetup, dueAt: Date): NewDelivery[] {
  const target = submitterTarget(setup.submitter, customer.partnerDomain);
  if (target?.channel !== 'chat') return [];
  const content: DeliveryContent = { kind: 'services-setup-progress', customerId: setup.customerId };
  return [{ key: `services-setup-progress:${setup.customerId}:${targetKey(target)}`, target, content, dueAt }];
}

/** Each posted copy shown again as the setup stands at `version`; the key makes a repeat one delivery. */
export function progressUpdates(setup: ServicesSetup, posted: PostedMessage[], version: number, dueAt: Date): NewDelivery[] {
  return posted.map((message) => ({
    key: `services-setup-update:${setup.customerId}:v${version}:${shortHash(message.address)}`,
    // The target only picks the notifier and the pace: the update goes to where the copy is.
    target: {
      channel: 'chat',
      platform: message.platform,
      to: { kind: 'conversation', address: message.address, label: 'services setup progress' },
    },
    content: { kind: 'services-setup-update', customerId: setup.customerId, message },
    dueAt,
  }));
}

/**
 * On completion, the order summary: by email to the customer's administrator and to the
 * submitter (the PDF attached), and into the submitter's chat when they submitted there.
 */
export function summaryDeliveries(customer: CustomerForSetup, setup: ServicesSetup, dueAt: Date): NewDelivery[] {
  const content: DeliveryContent = { kind: 'order-summary', customerId: setup.customerId };
  const email = (address: string): DeliveryTarget => ({ channel: 'email', address, asUser: false, domain: customer.partnerDomain });
  const targets: DeliveryTarget[] = [email(customer.adminEmail)];
  if (setup.submitter?.email) targets.push(email(setup.submitter.email));
  const chat = submitterTarget(setup.submitter, customer.partnerDomain);
  if (chat?.channel === 'chat') targets.push(chat);
  const keyed = new Map(targets.map((target) => [`order-summary:${setup.customerId}:${targetKey(target)}`, target]));
  return [...keyed].map(([key, target]) => ({ key, target, content, dueAt }));
}

/** A setup's notice read now, so a message sent late shows the setup as it stands; null when it is gone. */
export async function readSetupNotice(
  deps: CoreDeps,
  content: { kind: 'services-setup-progress' | 'services-setup-update' | 'order-summary'; customerId: string },
): Promise<ServicesSetupProgressNotice | OrderSummaryNotice | null> {
  const reads = deps.servicesSetup;
  if (!reads) return null;
  const setup = await reads.servicesSetups.find(content.customerId);
  const customer = setup && (await reads.customers.findCustomerForSetup(content.customerId));
  const summary = customer ? orderSummaryOf(customer, setup) : null;
  if (!setup || !summary) return null;
  if (content.kind === 'order-summary') return setup.state === 'completed' ? { kind: 'order-summary', summary } : null;
  return { kind: 'services-setup-progress', summary, progress: setup.progress, failure: setup.failure, version: setup.version };
}
