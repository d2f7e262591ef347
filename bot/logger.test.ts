import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, safeError } from './logger';

describe('logged errors', () => {
  it('keep what went wrong and drop the request an SDK error carries (its bearer token)', () => {
    const err = Object.assign(new Error('An HTTP protocol error occurred: statusCode = 502'), {
      code: 'slack_webapi_http_error',
      statusCode: 502,
      original: { config: { headers: { Authorization: 'Bearer xoxb-secret-token' } } },
    });
    const lines: string[] = [];
    const log = createLogger(
      'info',
      new Writable({
        write: (chunk, _enc, done) => {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    log.error({ err }, 'dispatch failed');
    expect(lines.join('')).toContain('statusCode = 502');
    expect(lines.join('')).toContain('slack_webapi_http_error');
    expect(lines.join('')).not.toContain('xoxb-secret-token');
    expect(safeError('plain')).toEqual({ message: 'plain' });
  });
});
