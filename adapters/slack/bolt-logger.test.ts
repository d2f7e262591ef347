import { describe, expect, it } from 'vitest';
import type { Logger } from '../../core/index';
import { boltLogger, errorSummary } from './bolt-logger';

describe('boltLogger', () => {
  it('turns library log arguments into one short line and drops objects that may hold headers', () => {
    const lines: string[] = [];
    const log: Logger = { info: (_f, m) => void lines.push(m), warn: (_f, m) => void lines.push(m), error: (_f, m) => void lines.push(m) };
    const bolt = boltLogger(log);
    bolt.warn('Request verification failed', new Error('Signature mismatch'), { headers: { authorization: 'Bearer xoxb-secret' } });
    bolt.debug('body', { token: 'xoxb-secret' });
    expect(lines).toEqual(['Request verification failed Error: Signature mismatch [object]']);
  });

  it('summarizes a Web API error by its Slack error code, not by the error object', () => {
    const err = Object.assign(new Error('An API error occurred: channel_not_found'), {
      code: 'slack_webapi_platform_error',
      data: { error: 'channel_not_found' },
    });
    expect(errorSummary(err)).toMatchObject({
      code: 'slack_webapi_platform_error',
      slackError: 'channel_not_found',
      error: 'Error: An API error occurred: channel_not_found',
    });
    expect(errorSummary('plain')).toEqual({ error: 'plain' });
  });
});
