import { type Logger, ProvisioningRefused, ProvisioningUnavailable, silentLogger } from '../../core/index';
import { problemsOf, refusalMessage } from './webex-errors';
import { createPacer, realTimer, retryAfterMs, type WebexTimer } from './webex-pace';

export interface WebexHttpOptions {
  /** e.g. https://webexapis.com/v1 (WEBEX_API_URL). */
  apiUrl: string;
  /** Bearer token (WEBEX_ACCESS_TOKEN). Never logged. */
  accessToken: string;
  /** Client-side pace; default 10 requests a second. */
  maxRequestsPerSecond?: number;
  /** Longest total wait for 429/423 Retry-After answers before giving up; default 30 s. */
  maxRetryWaitMs?: number;
  /** Bound on one call; default 30 s. */
  timeoutMs?: number;
  timer?: WebexTimer;
  logger?: Logger;
}

export interface WebexAnswer {
  status: number;
  body: unknown;
  location: string | null;
}

/**
 * The transport of the Webex client: bearer token, pace, Retry-After, and failures
 * mapped to the port's errors. 429 (rate limited) and 423 (resource locked, e.g. a
 * customer still being updated) come with Retry-After: waited out, like the outbox does
 * for Slack, until the waits would pass `maxRetryWaitMs`. 5xx, 401 and network failures
 * are ProvisioningUnavailable (the caller keeps the work); other 4xx are returned to the
 * caller, which knows whether they are a refused outcome or a ProvisioningRefused.
 */
export class WebexHttp {
  private readonly pace: () => Promise<void>;
  private readonly timer: WebexTimer;
  private readonly logger: Logger;
  private readonly base: string;

  constructor(private readonly options: WebexHttpOptions) {
    this.timer = options.timer ?? realTimer;
    this.logger = options.logger ?? silentLogger;
    this.pace = createPacer(options.maxRequestsPerSecond ?? 10, this.timer);
    this.base = options.apiUrl.replace(/\/+$/, '');
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<WebexAnswer> {
    const maxWait = this.options.maxRetryWaitMs ?? 30_000;
    let waited = 0;
    for (;;) {
      await this.pace();
      const answer = await this.send(method, path, body);
      if (answer.status !== 429 && answer.status !== 423) return this.settle(method, path, answer);
      const wait = retryAfterMs(answer.retryAfter, this.timer.now());
      const why = answer.status === 429 ? 'Webex is rate limiting provbot' : 'Webex is busy with this customer (locked)';
      if (waited + wait > maxWait) {
        throw new ProvisioningUnavailable(`${why}; try again in ${Math.ceil(wait / 1000)} seconds.`, wait);
      }
      this.logger.warn({ method, path, status: answer.status, waitMs: wait }, 'Webex asked provbot to wait');
      await this.timer.sleep(wait);
      waited += wait;
    }
  }

  /** Throws for any answer that is not 2xx, in words: 4xx become ProvisioningRefused unless the caller handles them. */
  refuse(what: string, answer: WebexAnswer): never {
    const problems = problemsOf(answer.body);
    throw new ProvisioningRefused(refusalMessage(what, answer.status, problems), problems);
  }

  private settle(method: string, path: string, answer: WebexAnswer & { retryAfter: string | null }): WebexAnswer {
    this.logger.info({ method, path, status: answer.status }, 'Webex answered');
    if (answer.status >= 500) {
      throw new ProvisioningUnavailable(`Webex had a problem of its own (HTTP ${answer.status}); nothing was changed, try again later.`);
    }
    if (answer.status === 401) {
      throw new ProvisioningUnavailable('Webex did not accept the access token: an administrator must renew WEBEX_ACCESS_TOKEN.');
    }
    return { status: answer.status, body: answer.body, location: answer.location };
  }

  private async send(method: string, path: string, body: unknown) {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.accessToken}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      this.logger.warn({ method, path, error: err instanceof Error ? err.name : 'unknown' }, 'Webex could not be reached');
      throw new ProvisioningUnavailable(
        timedOut ? 'Webex did not answer in time; try again later.' : 'Webex could not be reached; try again later.',
      );
    }
    const text = await response.text().catch(() => '');
    return {
      status: response.status,
      body: parseJson(text),
      location: response.headers.get('location'),
      retryAfter: response.headers.get('retry-after'),
    };
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
