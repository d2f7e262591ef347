import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, orderIntake } from '../../fixtures/orders';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => bot?.stop());

/** The emails written to the bot's outbox folder about one order: other tests' orders send theirs there too. */
const emailsAbout = async (number: string) => {
  const files = (await readdir(bot.outboxDir)).filter((f) => f.endsWith('.eml'));
  const texts = await Promise.all(files.map((f) => readFile(join(bot.outboxDir, f), 'utf8')));
  return texts.filter((t) => new RegExp(`^Subject:.*\\b${number}\\b`, 'm').test(t));
};

describe('order API through the real server', () => {
  it('stores an order, sends its due provisioning emails, and returns it', async () => {
    const created = await bot.api('POST', '/api/orders', orderIntake({ number: 'API-1', requestedStartDate: '2020-01-01' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 'API-1',
      lines: [{ lineNumber: 1, status: 'Awaiting Provisioning Details' }, { lineNumber: 2 }],
    });
    expect(created.body.lines[0].provisioningEmailSentAt).toEqual(expect.any(String));
    // The emails are queued with the order; the outbox sends them right after.
    await bot.dispatch();
    expect(await emailsAbout('API-1')).toHaveLength(2);

    const fetched = await bot.api('GET', '/api/orders/API-1');
    expect(fetched).toMatchObject({ status: 200, body: { number: 'API-1', offer: 'A-Flex' } });
  });

  it('answers 400 with the issues, 409 for a duplicate, and stores nothing for bad input', async () => {
    const bad = await bot.api('POST', '/api/orders', orderIntake({ number: 'API-2', placedBy: { email: 'nope', name: 'X' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([{ field: 'placedBy.email', message: 'Must be an email address.' }]);
    expect(bad.body.error).toBe('Email of whoever placed the order: Must be an email address.');
    expect((await bot.api('GET', '/api/orders/API-2')).status).toBe(404);

    await bot.api('POST', '/api/orders', orderIntake({ number: 'API-3', requestedStartDate: '2999-01-01' }));
    const dup = await bot.api('POST', '/api/orders', orderIntake({ number: 'API-3', offer: 'Changed' }));
    expect(dup.status).toBe(409);
    expect((await bot.api('GET', '/api/orders/API-3')).body.offer).toBe('A-Flex');

    expect((await bot.api('POST', '/api/orders', '{"number":')).status).toBe(400);
    expect((await bot.api('POST', '/api/orders', { pad: 'x'.repeat(300_000) })).status).toBe(413);
  });

  it('requires the bearer token', async () => {
    expect((await bot.api('GET', '/api/orders/API-1', undefined, null)).status).toBe(401);
    expect((await bot.api('GET', '/api/orders/API-1', undefined, 'wrong-token-wrong-token')).status).toBe(401);
  });

  it('marks the PONR for the named lines, and refuses unknown lines without changing any', async () => {
    await bot.api('POST', '/api/orders', orderIntake({ number: 'API-4' }));
    const unknown = await bot.api('POST', '/api/orders/API-4/onboarded', { lines: [1, 9], organizationId: 'org-1' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'LINE_NOT_FOUND' } });
    expect((await bot.api('GET', '/api/orders/API-4')).body.lines.map((l: { ponrAt: string | null }) => l.ponrAt)).toEqual([null, null]);

    const ok = await bot.api('POST', '/api/orders/API-4/onboarded', { lines: [1], organizationId: 'org-1' });
    expect(ok.status).toBe(200);
    expect(ok.body.lines.map((l: { organizationId: string | null }) => l.organizationId)).toEqual(['org-1', null]);
  });

  it('registers directory users and validates roles', async () => {
    const ok = await bot.api('POST', '/api/users', { ...ALICE, roles: [{ role: 'Ordering', domain: 'Acme-Partner.example' }] });
    expect(ok).toMatchObject({ status: 200, body: { email: ALICE.email, roles: [{ role: 'Ordering', domain: 'acme-partner.example' }] } });
    const bad = await bot.api('POST', '/api/users', { email: 'x@y.example', name: 'X', roles: [{ role: 'Overlord', domain: 'd' }] });
    expect(bad.status).toBe(400);
    // One rule for domain names everywhere: a domain that could not be typed in a command is refused here.
    const odd = await bot.api('POST', '/api/users', {
      email: 'x@y.example',
      name: 'X',
      roles: [{ role: 'Ordering', domain: 'acme_corp' }],
    });
    expect(odd.status).toBe(400);
    expect(odd.body.fields).toContainEqual({ field: 'roles.domain', message: 'A domain looks like acme.example.' });
    const everywhere = await bot.api('POST', '/api/users', {
      email: 'root@y.example',
      name: 'Root',
      roles: [{ role: 'Administrator', domain: '*' }],
    });
    expect(everywhere).toMatchObject({ status: 200, body: { roles: [{ role: 'Administrator', domain: '*' }] } });
  });

  it('reports health', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'sqlite', teams: 'local', slack: 'off' });
  });
});
