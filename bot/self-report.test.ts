import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../test/fakes/fixed-clock';
import { createLogger, errorKind } from './logger';
import { RECENT_ERRORS_KEPT, recentErrorLog } from './self-report';

const sink = () => new Writable({ write: (_chunk, _enc, done) => done() });

describe('the last errors `ops` lists', () => {
  it('keeps where and the error code or class of each error line, never its message, the latest first', () => {
    const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
    const errors = recentErrorLog(clock);
    const log = createLogger('info', sink(), errors.record);
    log.info('fine');
    log.warn({ reason: 'slow' }, 'slow answer');
    const secret = Object.assign(new Error('auth failed for smtp://bot:pa55-word@mx.example'), { code: 'EAUTH' });
    log.error({ err: secret }, 'notification tick failed');
    clock.advanceMinutes(1);
    log.error({ err: new TypeError('cannot read x of undefined: jane@acme.example') }, 'customer poll failed');
    log.fatal('giving up');
    expect(errors.list()).toEqual([
      { kind: 'giving up', at: new Date('2026-11-23T10:01:00Z') },
      { kind: 'customer poll failed: TypeError', at: new Date('2026-11-23T10:01:00Z') },
      { kind: 'notification tick failed: EAUTH', at: new Date('2026-11-23T10:00:00Z') },
    ]);
    expect(JSON.stringify(errors.list())).not.toMatch(/pa55|jane@/);
  });

  it(`keeps only the last ${RECENT_ERRORS_KEPT}`, () => {
    const errors = recentErrorLog(new FixedClock(new Date('2026-11-23T10:00:00Z')));
    for (let i = 0; i < RECENT_ERRORS_KEPT + 3; i++) errors.record(`failure ${i}`);
    expect(errors.list().map((e) => e.kind)).toEqual(
      Array.from({ length: RECENT_ERRORS_KEPT }, (_, i) => `failure ${RECENT_ERRORS_KEPT + 2 - i}`),
    );
  });

  it('names a line without a message or error by its fields', () => {
    expect(errorKind([{ ref: 'abc', type: 'RequestError' }, 'Teams turn failed'])).toBe('Teams turn failed: RequestError');
    expect(errorKind([{ ref: 'abc' }])).toBe('error');
  });
});
