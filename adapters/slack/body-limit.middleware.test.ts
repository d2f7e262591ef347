import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { rejectOversizeSlackBody } from './body-limit.middleware';

function run(contentLength: string | undefined) {
  const seen = { status: 0, headers: {} as Record<string, string>, ended: false, next: false };
  const res = {
    status(code: number) {
      seen.status = code;
      return res;
    },
    set(name: string, value: string) {
      seen.headers[name] = value;
      return res;
    },
    end() {
      seen.ended = true;
      return res;
    },
  };
  const req = { headers: contentLength === undefined ? {} : { 'content-length': contentLength } };
  rejectOversizeSlackBody(100)(req as unknown as Request, res as unknown as Response, () => {
    seen.next = true;
  });
  return seen;
}

describe('rejectOversizeSlackBody', () => {
  it('answers 413 and closes the connection for a declared length over the limit', () => {
    expect(run('101')).toEqual({ status: 413, headers: { Connection: 'close' }, ended: true, next: false });
  });

  it('passes bodies at the limit, and bodies of unknown length (the receiver caps those)', () => {
    expect(run('100').next).toBe(true);
    expect(run(undefined).next).toBe(true);
    expect(run('abc').next).toBe(true);
  });
});
