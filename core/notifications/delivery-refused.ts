/**
 * What a notifier throws when the far side refused a notice, with what the dispatcher
 * needs to decide: a rate limit says when to come back (Slack 429 Retry-After, Teams
 * 429); a permanent refusal (no such channel, mailbox unknown) is not tried again.
 * Any other error is a transient failure, retried with backoff.
 */
export class DeliveryRefused extends Error {
  readonly retryAfterMs: number | null;
  readonly permanent: boolean;
  constructor(message: string, options: { retryAfterMs?: number | null; permanent?: boolean } = {}) {
    super(message);
    this.name = 'DeliveryRefused';
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.permanent = options.permanent ?? false;
  }
}
