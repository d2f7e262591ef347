import { describe, expect, it } from 'vitest';
import { DeliveryRefused } from '../../core/index';
import { slackRefusal } from './slack-delivery-errors';

/** Shaped as @slack/web-api's WebAPIPlatformError and WebAPIRateLimitedError. */
const platformError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
const rateLimited = (retryAfter: number) =>
  Object.assign(new Error('A rate-limit has been reached'), { code: 'slack_webapi_rate_limited_error', retryAfter });

describe('what a Slack Web API error means to the outbox', () => {
  it('a rate limit says when to come back, in milliseconds', () => {
    expect(slackRefusal(rateLimited(30), 'chat.postMessage')).toMatchObject({ retryAfterMs: 30_000, permanent: false });
  });

  it.each([
    'channel_not_found',
    'not_in_channel',
    'is_archived',
    'user_not_found',
    'account_inactive',
    'message_not_found',
    'cant_update_message',
    'msg_too_long',
    'invalid_blocks',
  ])('%s is refused for good', (error) => {
    const refused = slackRefusal(platformError(error), 'chat.update');
    expect(refused).toBeInstanceOf(DeliveryRefused);
    expect(refused).toMatchObject({ permanent: true, message: `Slack refused chat.update: ${error}` });
  });

  const requestError = (code: string) =>
    Object.assign(new Error(`A request error occurred: ${code}`), {
      code: 'slack_webapi_request_error',
      original: Object.assign(new Error(code), { code }),
    });

  it.each([
    platformError('internal_error'),
    platformError('fatal_error'),
    Object.assign(new Error('HTTP 503'), { code: 'slack_webapi_http_error', statusCode: 503 }),
    requestError('ECONNRESET'),
    requestError('ECONNABORTED'),
    new Error('socket hang up'),
  ])('an outcome left open (the post may be stored) is left as it is, so the retry looks first: %s', (err) =>
    expect(slackRefusal(err, 'chat.postMessage')).toBe(err),
  );

  it.each([
    [platformError('service_unavailable'), 'Slack refused chat.postMessage: service_unavailable'],
    [requestError('ECONNREFUSED'), 'Slack could not be reached for chat.postMessage (ECONNREFUSED)'],
  ])('an answer that nothing was posted is a refusal, retried without looking: %s', (err, message) => {
    expect(slackRefusal(err, 'chat.postMessage')).toMatchObject({ message, permanent: false, retryAfterMs: null });
  });
});
