import type { DeliveryOutcome } from '../ports/operations-monitor.port';
import { isChatNotice } from './notice';
import type { CoreDeps } from '../core-deps';
import type { ClaimedDelivery } from './delivery';
import { copyToUpdate, isEmpty, targetKey } from './delivery';
import { catchUpPostedCopy, postedCopy } from './catch-up-posted-copy';
import { deliverySettled } from './delivery-settled';
import type { DestinationPacer } from './delivery-policy';
import { pastRetryHorizon, retryDelayMs } from './delivery-policy';
import { DeliveryRefused } from './delivery-refused';
import { withinTimeout } from './call-timeout';
import type { GiveUpReason } from './dead-letter-alert';
import { planDeadLetterAlert } from './dead-letter-alert';
import type { ContentUrl, SmtpSettings, SystemNotificationSettings } from './notification-settings';
import { smtpInForce, systemSettings } from './read-notification-settings';
import type { ActivityReads } from './render-delivery';
import { renderDelivery } from './render-delivery';

export interface DispatchCounts {
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

const noCounts = (): DispatchCounts => ({ sent: 0, retried: 0, dead: 0, held: 0, dueAgainAt: [] });

/** A dispatch round's deliveries: `waiting` while the round still waits for them (see dispatch-deliveries.ts). */
export interface Round {
  waiting: boolean;
}

/**
 * One call of dispatchDeliveries: sends claimed deliveries, records their results, and
 * counts them. Successes with nothing to store beside them are recorded together, in one
 * step (markAllSent): a round's at its end, and those finishing after their round stopped
 * waiting (a stalled lane) by themselves, coalesced with any finishing in the same turn.
 */
export class DispatchRun {
  private sentUnrecorded: ClaimedDelivery[] = [];
  /** One markAllSent at a time: a delivery's own flush then ends after any earlier one that took it. */
  private recording: Promise<void> = Promise.resolve();
  private soon: Promise<void> | null = null;
  private counts = noCounts();
  private readonly smtp = new Map<string, Promise<SmtpSettings | null>>();
  private systemRead: Promise<SystemNotificationSettings> | null = null;
  constructor(
    private readonly deps: CoreDeps,
    private readonly pacer: DestinationPacer,
  ) {}

  /** The counts so far; what finishes from now on counts afresh (the deliveries left in lanes). */
  detach(): DispatchCounts {
    const counts = this.counts;
    this.counts = noCounts();
    return counts;
  }

  recordSent(): Promise<void> {
    const sent = this.sentUnrecorded;
    this.sentUnrecorded = [];
    const step = this.recording.then(async () => {
      if (sent.length) await this.deps.outbox.markAllSent(sent, { at: this.deps.clock.now() });
    });
    this.recording = step.catch(() => {});
    return step;
  }

  /** Records on the next turn, together with every other delivery finishing in this one. */
  private recordSoon(): Promise<void> {
    this.soon ??= new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      this.soon = null;
      return this.recordSent();
    });
    return this.soon;
  }

  async deliver(d: ClaimedDelivery, reads: ActivityReads, leaseEnd: number, round: Round): Promise<void> {
    await this.attempt(d, reads, leaseEnd);
    // Its round has moved on: nobody else will record it soon.
    if (!round.waiting) await this.recordSoon();
  }

  private async attempt(d: ClaimedDelivery, reads: ActivityReads, leaseEnd: number): Promise<void> {
    const key = targetKey(d.target);
    const now = this.deps.clock.now().getTime();
    if (now + this.deps.settings.delivery.callTimeoutMs >= leaseEnd) {
      // Queued behind a slow send for most of its lease: handed back untried, due now,
      // rather than sent after the claim may have passed to another process.
      this.counts.held += 1;
      this.tried(d, 'held');
      await this.putOff(d, 0, null, false);
      return;
    }
    const wait = this.pacer.take(key, d.target, now);
    if (wait > 0) {
      this.counts.held += 1;
      this.tried(d, 'held');
      await this.putOff(d, wait, null, false);
      return;
    }
    try {
      await this.send(d, reads);
      this.counts.sent += 1;
      this.tried(d, 'sent');
      // Only after a failure or a 429: the line that closes that delivery's story in the logs.
      if (d.lastError) this.deps.log.info({ key: d.key, attempts: d.attempts }, 'delivery sent after an earlier failure');
    } catch (err) {
      await this.failed(d, key, err);
    }
  }

  private async send(d: ClaimedDelivery, reads: ActivityReads): Promise<void> {
    const { deps } = this;
    const timeoutMs = deps.settings.delivery.callTimeoutMs;
    const notice = await renderDelivery(deps, d.content, reads);
    if (!notice) {
      deps.log.info({ key: d.key }, 'delivery: what it names is gone; nothing to send');
      this.sentUnrecorded.push(d);
      return;
    }
    if (d.target.channel === 'email') {
      const smtp = await this.smtpFor(d.target.domain);
      const linkBase = contentUrl((await this.system()).contentUrl);
      await withinTimeout(
        'the mail server',
        timeoutMs,
        deps.email.sendNotice({ to: d.target.address, asUser: d.target.asUser, notice, smtp, idempotencyKey: d.key, linkBase }),
      );
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
    if (!isChatNotice(notice)) throw new DeliveryRefused(`a ${notice.kind} notice goes by email only`, { permanent: true });
    const update = copyToUpdate(d.content);
    if (update) {
      await withinTimeout(platform, timeoutMs, notifier.updateNotice({ message: update, notice }));
      this.sentUnrecorded.push(d);
      return;
    }
    const posted = await withinTimeout(
      platform,
      timeoutMs,
      notifier.postNotice({ to: d.target.to, notice, idempotencyKey: d.key, inDoubt: d.inDoubt }),
    );
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
    const now = deps.clock.now();
    const error = describe(err);
    if (err instanceof DeliveryRefused && err.retryAfterMs !== null) {
      this.pacer.holdUntil(key, now.getTime() + err.retryAfterMs);
      deps.log.warn({ key: d.key, retryAfterMs: err.retryAfterMs }, 'delivery: rate limited; waiting as told');
      this.counts.held += 1;
      this.tried(d, 'rate_limited');
      await this.putOff(d, err.retryAfterMs, error, false);
      return;
    }
    if (err instanceof DeliveryRefused && err.permanent) {
      await this.deadLetter(d, { kind: 'refused', error });
      return;
    }
    const since = d.retryFrom ?? now;
    if (pastRetryHorizon(policy, since, now)) {
      await this.deadLetter(d, { kind: 'horizon', error, since });
      return;
    }
    // A refusal is an answer: nothing was stored. Any other failure (a timeout, a reset
    // connection, a 5xx) leaves open whether the far side stored it.
    const inDoubt = !(err instanceof DeliveryRefused);
    deps.log.warn({ key: d.key, attempts: d.attempts, error, inDoubt }, 'delivery failed; will retry');
    this.counts.retried += 1;
    this.tried(d, 'retried');
    // In doubt, not at once: give a late answer (a post Slack stores after the client's
    // timeout) time to land before the next attempt looks for it.
    const delay = retryDelayMs(policy, d.attempts);
    await this.putOff(d, inDoubt ? Math.max(policy.baseDelayMs, delay) : delay, error, true, { retryFrom: since, inDoubt });
  }

  private async putOff(
    d: ClaimedDelivery,
    delayMs: number,
    error: string | null,
    countAttempt: boolean,
    more: { retryFrom?: Date; inDoubt?: boolean } = {},
  ): Promise<void> {
    const dueAt = new Date(this.deps.clock.now().getTime() + delayMs);
    await this.deps.outbox.reschedule(d, { dueAt, error, countAttempt, ...more });
    this.counts.dueAgainAt.push(dueAt);
  }

  private async deadLetter(d: ClaimedDelivery, reason: GiveUpReason): Promise<void> {
    const { deps } = this;
    const now = deps.clock.now();
    deps.log.error({ key: d.key, attempts: d.attempts, error: reason.error, reason: reason.kind }, 'delivery dead-lettered');
    const alert = await planDeadLetterAlert(deps, d, reason, now);
    if (await deps.outbox.markDead(d, { at: now, error: reason.error, alert }))
      await deliverySettled(deps, d.content, { dead: now, error: reason.error });
    this.counts.dead += 1;
    this.tried(d, 'dead');
    if (!isEmpty(alert)) await deps.deliveries.deliveriesWritten();
  }

  private tried(d: ClaimedDelivery, outcome: DeliveryOutcome): void {
    const destination = d.target.channel === 'email' ? 'email' : d.target.platform;
    this.deps.monitor?.deliveryTried({ destination, outcome });
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

/** "Protocol, Host, Port (required only if a port other than 80 is used)". */
function contentUrl(url: ContentUrl | null): string | null {
  if (!url) return null;
  const port =
    url.port && !(url.protocol === 'http' && url.port === 80) && !(url.protocol === 'https' && url.port === 443) ? `:${url.port}` : '';
  return `${url.protocol}://${url.host}${port}`;
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 500);
