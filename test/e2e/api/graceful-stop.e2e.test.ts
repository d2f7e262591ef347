import { afterEach, expect, it } from 'vitest';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startTestBot } from '../../fakes/test-bot';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let smtp: SmtpTestServer | undefined;
afterEach(async () => {
  await smtp?.stop();
});

/**
 * The real HTTP server during a graceful stop (RunningBot.stop, what SIGTERM runs): a
 * request being answered when the stop begins is finished; a new one is refused with
 * 503; /readyz says draining; the stop ends only after the request in flight.
 */
it('a stop finishes the request in flight, refuses new ones with 503 and answers /readyz 503 until it is done', async () => {
  smtp = await startSmtpTestServer();
  const bot = await startTestBot({ SMTP_URL: smtp.url });
  expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  smtp.hold();
  // A test email: the request waits for the mail server's answer, held back here.
  const inFlight = bot.api('POST', '/api/notifications/test', { to: 'admin@acme.example', scope: 'system' });
  for (let i = 0; i < 400 && smtp.held === 0; i += 1) await sleep(25);
  expect(smtp.held).toBe(1);

  let stopped = false;
  const stopping = bot.stop().then(() => (stopped = true));
  const ready = await fetch(`${bot.url}/readyz`);
  expect([ready.status, await ready.json()]).toEqual([503, { status: 'draining' }]);
  expect(await bot.api('GET', '/api/orders/ORD-1')).toEqual({
    status: 503,
    body: { error: 'provbot is restarting: please try again in a moment.' },
  });
  await sleep(200);
  expect(stopped).toBe(false);

  smtp.release();
  expect(await inFlight).toMatchObject({ status: 200, body: { ok: true, to: 'admin@acme.example' } });
  await stopping;
  expect(smtp.messages.map((m) => m.envelope.to)).toEqual([['admin@acme.example']]);
  // The listener is closed once the stop is done.
  await expect(fetch(`${bot.url}/readyz`)).rejects.toThrow();
});
