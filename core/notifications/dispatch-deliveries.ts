import type { CoreDeps } from '../core-deps';
import type { ClaimedDelivery } from './delivery';
import { copyToUpdate, isEmpty, targetKey } from './delivery';
import { catchUpPostedCopy, postedCopy } from './catch-up-posted-copy';
import { deliverySettled } from './delivery-settled';
import type { DestinationPacer } from './delivery-policy';
import { retryDelayMs } from './delivery-policy';
import { DeliveryRefused } from './delivery-refused';
import type { ContentUrl, SmtpSettings, SystemNotificationSettings } from './notification-settings';
import { planSystemNotices } from './plan-system-notices';
import { smtpInForce, systemSettings } from './read-notification-settings';
import type { ActivityReads } from './render-delivery';
import { renderDelivery } from './render-delivery';

export interface DispatchReport {
  sent: number;
  retried: number;
  dead: number;
  /** Held back by a rate limit, not tried. */
  held: number;
  /**
   * When each delivery this run put off is due again, so the caller can come back for
   * every one: a later run sends what is due then and does not know of the rest.
   */
  dueAgainAt: Date[];
}

/** Rounds per call: a backlog is drained over several calls rather than holding one forever. */
const MAX_ROUNDS = 20;
/** Destinations served at once; deliveries to one destination go one after another, in order. */
const PARALLEL_DESTINATIONS = 8;

/**
 * Sends what is due: claims a batch, serves each destination in order at its rate
 * limit, and writes each result. A failure is retried with backoff; a rate limit
 * (Slack 429 Retry-After, Teams 429) holds the destination until it lifts; after the
 * last attempt the delivery is dead-lettered and the administrators are told.
 */
export async function dispatchDeliveries(deps: CoreDeps, pacer: DestinationPacer): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retried: 0, dead: 0, held: 0, dueAgainAt: [] };
  const run = new DispatchRun(deps, pacer, report);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const policy = deps.settings.delivery;
    const claimed = await deps.outbox.claimDue({ now: deps.clock.now(), limit: policy.batchSize, leaseMs: policy.leaseMs });
    if (claimed.length === 0) break;
    const byDestination = new Map<string, ClaimedDelivery[]>();
    for (const d of claimed) {
      const key = targetKey(d.target);
      byDestination.set(key, [...(byDestination.get(key) ?? []), d]);
    }
    const reads: ActivityReads = new Map();
    try {
      await inParallel([...byDestination.values()], PARALLEL_DESTINATIONS, async (queue) => {
        for (const d of queue) await run.deliver(d, reads);
      });
    } finally {
      await run.recordSent();
    }
    if (claimed.length < policy.batchSize) break;
  }
  return report;
}

class DispatchRun {
  /** Sent with nothing to store beside the result: recorded together at the end of the round, in one step. */
  private sentUnrecorded: ClaimedDelivery[] = [];
  private readonly smtp = new Map<string, Promise<SmtpSettings | null>>();
  private systemRead: Promise<SystemNotificationSettings> | null = null;
  constructor(
    private readonly deps: CoreDeps,
    private readonly pacer: DestinationPacer,
    private readonly report: DispatchReport,
  ) {}

  async recordSent(): Promise<void> {
    const sent = this.sentUnrecorded;
    this.sentUnrecorded = [];
    if (sent.length) await this.deps.outbox.markAllSent(sent, { at: this.deps.clock.now() });
  }

  async deliver(d: ClaimedDelivery, reads: ActivityReads): Promise<void> {
    const key = targetKey(d.target);
    const wait = this.pacer.take(key, d.target, this.deps.clock.now().getTime());
    if (wait > 0) {
      this.report.held += 1;
      await this.putOff(d, wait, null, false);
      return;
    }
    try {
      await this.send(d, reads);
      this.report.sent += 1;
    } catch (err) {
      await this.failed(d, key, err);
    }
  }

  private async send(d: ClaimedDelivery, reads: ActivityReads): Promise<void> {
    const { deps } = this;
    const notice = await renderDelivery(deps, d.content, reads);
    if (!notice) {
      deps.log.info({ key: d.key }, 'delivery: what it names is gone; nothing to send');
      this.sentUnrecorded.push(d);
      return;
    }
    if (d.target.channel === 'email') {
      const smtp = await this.smtpFor(d.target.domain);
      const linkBase = contentUrl((await this.system()).contentUrl);
      await deps.email.sendNotice({ to: d.target.address, asUser: d.target.asUser, notice, smtp, idempotencyKey: d.key, linkBase });
      if (d.content.kind === 'provisioning-email') {
        // Its Transaction Manager row turns Sent with it, so it is recorded on its own.
        const at = deps.clock.now();
        if (await deps.outbox.markSent(d, { at })) await deliverySettled(deps, d.content, { sent: at });
      } else this.sentUnrecorded.push(d);
      return;
    }
    const platform = d.target.platform;
    const notifier = deps.chat.find((n) => n.platform === platform);
    if (!notifier) throw new DeliveryRefused(`${platform} is not running in this bot`, { permanent: true });
    if (notice.kind === 'order-outcome' || notice.kind === 'billing-reminder' || notice.kind === 'provisioning-email') throw new DeliveryRefused(`a ${notice.kind} notice goes by email only`, { permanent: true });
    const update = copyToUpdate(d.content);
    if (update) {
      await notifier.updateNotice({ message: update, notice });
      this.sentUnrecorded.push(d);
      return;
    }
    const posted = await notifier.postNotice({ to: d.target.to, notice, idempotencyKey: d.key, inDoubt: d.inDoubt });
    const copy = posted && postedCopy(notice, posted);
    if (!copy) {
      this.sentUnrecorded.push(d);
      return;
    }
    await deps.outbox.markSent(d, { at: deps.clock.now(), posted: copy });
    await catchUpPostedCopy(deps, d, notice, copy.message);
  }

  private async failed(d: ClaimedDelivery, key: string, err: unknown): Promise<void> {
    const { deps } = this;
    const policy = deps.settings.delivery;
    const error = describe(err);
    if (err instanceof DeliveryRefused && err.retryAfterMs !== null) {
      this.pacer.holdUntil(key, deps.clock.now().getTime() + err.retryAfterMs);
      deps.log.warn({ key: d.key, retryAfterMs: err.retryAfterMs }, 'delivery: rate limited; waiting as told');
      this.report.held += 1;
      await this.putOff(d, err.retryAfterMs, error, false);
      return;
    }
    const permanent = err instanceof DeliveryRefused && err.permanent;
    if (permanent || d.attempts >= policy.maxAttempts) {
      await this.deadLetter(d, error);
      return;
    }
    deps.log.warn({ key: d.key, attempts: d.attempts, error }, 'delivery failed; will retry');
    this.report.retried += 1;
    await this.putOff(d, retryDelayMs(policy, d.attempts), error, true);
  }

  private async putOff(d: ClaimedDelivery, delayMs: number, error: string | null, countAttempt: boolean): Promise<void> {
    const dueAt = new Date(this.deps.clock.now().getTime() + delayMs);
    await this.deps.outbox.reschedule(d, { dueAt, error, countAttempt });
    this.report.dueAgainAt.push(dueAt);
  }

  private async deadLetter(d: ClaimedDelivery, error: string): Promise<void> {
    const { deps } = this;
    const now = deps.clock.now();
    deps.log.error({ key: d.key, attempts: d.attempts, error }, 'delivery dead-lettered after its last attempt');
    // An alert about an alert that cannot be delivered would go round for ever.
    const aboutAnAlert = d.content.kind === 'system-alert' && d.content.eventType === 'delivery-failure';
    const notice = {
      type: 'delivery-failure' as const,
      occurredAt: now.toISOString(),
      domain: d.target.channel === 'email' ? d.target.domain : null,
      orderNumber: null,
      summary: `A ${d.content.kind} notice to ${describeTarget(d)} was not delivered after ${d.attempts} attempt(s): ${error}`,
    };
    const alert = aboutAnAlert ? { deliveries: [], digestItems: [], escalations: [] } : await planSystemNotices(deps, [notice], now);
    if (await deps.outbox.markDead(d, { at: now, error, alert })) await deliverySettled(deps, d.content, { dead: now, error });
    this.report.dead += 1;
    if (!isEmpty(alert)) await deps.deliveries.deliveriesWritten();
  }

  /** Read once per run: a run is short, and settings saved meanwhile apply from the next. */
  private system(): Promise<SystemNotificationSettings> {
    this.systemRead ??= systemSettings(this.deps);
    return this.systemRead;
  }

  /** "for specific Domains, these settings can be overridden"; else the system's; else the bot's own. */
  private smtpFor(domain: string | null): Promise<SmtpSettings | null> {
    const cacheKey = domain ?? '';
    let found = this.smtp.get(cacheKey);
    if (!found) {
      found = (async () => smtpInForce(this.deps, domain, await this.system()))();
      this.smtp.set(cacheKey, found);
    }
    return found;
  }
}

function describeTarget(d: ClaimedDelivery): string {
  if (d.target.channel === 'email') return d.target.address;
  const to = d.target.to;
  return `${d.target.platform} ${to.kind === 'user' ? to.email : to.label}`;
}

/** "Protocol, Host, Port (required only if a port other than 80 is used)". */
function contentUrl(url: ContentUrl | null): string | null {
  if (!url) return null;
  const port = url.port && !(url.protocol === 'http' && url.port === 80) && !(url.protocol === 'https' && url.port === 443) ? `:${url.port}` : '';
  return `${url.protocol}://${url.host}${port}`;
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 500);

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
