import { describe, expect, it } from 'vitest';
import { CoreError } from '../../core/index';
import type { Logger } from '../../core/index';
import { replyError } from './reply';

function recorder() {
  const logged: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void logged.push({ level, fields, message });
  const log: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  const sent: Record<string, unknown>[] = [];
  const respond = async (m: unknown) => {
    sent.push(m as Record<string, unknown>);
  };
  return { log, logged, sent, respond };
}

describe('replyError', () => {
  it('gives an unexpected failure a ref that the error log carries too, and none of its message', async () => {
    const r = recorder();
    await replyError(r.respond, new Error('connect ECONNREFUSED postgres://app:s3cret@db'), r.log, { command: '/prov' });
    const ref = r.logged[0]?.fields.ref as string;
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(r.logged[0]).toMatchObject({ level: 'error', message: 'slack request failed', fields: { command: '/prov' } });
    expect(JSON.stringify(r.sent)).toContain(`ref ${ref}`);
    expect(JSON.stringify(r.sent)).not.toContain('s3cret');
    expect(r.sent[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('words an expected failure for the user and logs it as a refusal, not an error', async () => {
    const r = recorder();
    await replyError(r.respond, new CoreError('ORDER_NOT_FOUND', { orderNumber: 'ORD-X' }), r.log, {});
    expect(r.logged).toEqual([{ level: 'info', fields: { code: 'ORDER_NOT_FOUND' }, message: 'slack request refused' }]);
    expect(JSON.stringify(r.sent)).toContain("I can't find order ORD-X.");
  });

  it('logs, rather than throws, when the reply itself cannot be delivered', async () => {
    const r = recorder();
    const dead = async () => {
      throw new Error('Failed to respond to the response_url: 404');
    };
    await expect(replyError(dead, new Error('boom'), r.log, {})).resolves.toBeUndefined();
    expect(r.logged.map((l) => l.message)).toEqual(['slack request failed', 'slack error reply failed']);
    expect(r.logged[1]?.fields.ref).toBe(r.logged[0]?.fields.ref);
  });
});
