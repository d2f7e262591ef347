import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDatabase } from '../../../adapters/db/create-database';
import type { NewDelivery } from '../../../core/index';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { describeOn, postgresTarget } from '../../integration/db/test-databases';
import { eventually, sleep } from './approval-orders';
import { killAllBotProcesses, startBotProcess } from './bot-processes';
import type { BotProcess } from './bot-processes';
import { outboxTable } from './outbox-table';

const COUNT = 40;
const READERS = 4;

/** System alerts render from their own content: a burst needs no orders or users. Four readers, four lanes. */
function alert(i: number): NewDelivery {
  const occurredAt = new Date();
  return {
    key: `burst:${i}`,
    target: { channel: 'email', address: `ops-${i % READERS}@acme.example`, asUser: false, domain: null },
    content: {
      kind: 'system-alert',
      eventType: 'order-failure',
      events: [
        { type: 'order-failure', occurredAt: occurredAt.toISOString(), domain: 'acme.example', orderNumber: null, summary: `Alert ${i}` },
      ],
    },
    dueAt: occurredAt,
  };
}

/**
 * A rolling restart on PostgreSQL: a bot process sent SIGTERM in the middle of a burst
 * of emails, with a second process running. The first stops taking requests (/readyz
 * and new requests answer 503), finishes the sends it has in flight, and hands back
 * the ones it claimed and had not started, which the second takes at once (its
 * notification tick, every second) rather than after the lease. Each email goes out once.
 */
/** The first process's log line saying how many deliveries it handed back, and when (pino's epoch ms). */
function handedBack(output: string): { count: number; at: number } | null {
  for (const line of output.split('\n')) {
    if (!line.includes('deliveries not yet sent were handed back')) continue;
    const entry = JSON.parse(line) as { released: number; time: number };
    return { count: entry.released, at: entry.time };
  }
  return null;
}

describeOn(postgresTarget, 'a rolling restart (SIGTERM) in the middle of a burst of deliveries', () => {
  let smtp: SmtpTestServer;
  let db: { url: string; drop(): Promise<void> };
  const botEnv = (name: string, more: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    SMTP_URL: `${smtp.url}/?name=${name}`,
    NOTIFY_SCHEDULE: '* * * * * *',
    ...more,
  });
  const sentKeys = () => smtp.messages.map((m) => m.headers['x-provbot-delivery']!);
  const sentBy = (name: string) => smtp.messages.filter((m) => m.clientName === name).map((m) => m.headers['x-provbot-delivery']!);

  /** The first process alone claims the whole burst: one email per reader in DATA (held), the rest queued in its lanes. */
  async function firstHoldingTheBurst(more: Record<string, string>): Promise<{ first: BotProcess; firstClaims: Set<string> }> {
    smtp.hold();
    const first = await startBotProcess(botEnv('first-bot', more));
    const writer = await createDatabase(db.url);
    try {
      await writer.outbox.write({ deliveries: Array.from({ length: COUNT }, (_, i) => alert(i)), digestItems: [], escalations: [] });
    } finally {
      await writer.close();
    }
    await eventually(() => smtp.held === READERS, 'one email per reader held in DATA', 20_000);
    const rows = await outboxTable(db.url).deliveries();
    expect(rows.filter((r) => r.claimed)).toHaveLength(COUNT);
    return { first, firstClaims: new Set(rows.map((r) => r.claim!)) };
  }

  beforeEach(async () => {
    smtp = await startSmtpTestServer();
    db = await postgresTarget.fresh();
  });
  afterEach(async () => {
    await killAllBotProcesses();
    await db?.drop();
    await smtp?.stop();
  });

  it('the first stops taking requests, finishes its sends in flight and exits 0; the second takes the rest within a second; each email once', {
    timeout: 120_000,
  }, async () => {
    // The second runs (ticking each second), paused (SIGSTOP) while the first alone claims the burst.
    const second = await startBotProcess(botEnv('second-bot'));
    second.signal('SIGSTOP');
    // A lease far longer than the test: only a release lets the second take anything.
    const { first, firstClaims } = await firstHoldingTheBurst({
      DELIVERY_LEASE_MS: '600000',
      DELIVERY_CALL_TIMEOUT_MS: '60000',
      SHUTDOWN_GRACE_MS: '60000',
      LOG_LEVEL: 'info',
    });
    second.signal('SIGCONT');
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    await sleep(1500);
    expect((await outboxTable(db.url).deliveries()).filter((r) => !firstClaims.has(r.claim!))).toEqual([]);

    first.signal('SIGTERM');
    await eventually(async () => (await fetch(`${first.url}/readyz`)).status === 503, '/readyz answers 503');
    const refused = await first.api('POST', '/api/subscribers', {});
    expect(refused).toEqual({ status: 503, body: { error: 'provbot is restarting: please try again in a moment.' } });

    // The queued ones are handed back (the first says when, in its log), and the second claims each within a second.
    const released = await eventually(() => handedBack(first.output()), 'the first hands back what it had not started');
    expect(released.count).toBe(COUNT - READERS);
    const table = outboxTable(db.url);
    const taken = await eventually(
      async () => {
        const rows = (await table.deliveries()).filter((r) => r.claimed && !firstClaims.has(r.claim!));
        return rows.length === COUNT - READERS && rows;
      },
      'the second claims every released one',
      5_000,
    );
    // A claim is taken one lease (the second's default, 60 s) before its lease ends.
    const takenAt = Math.max(...taken.map((r) => r.claimedUntil!.getTime() - 60_000));
    expect(takenAt - released.at, 'ms from the hand-back to the second claiming the last of them').toBeLessThan(1_000);

    smtp.release();
    expect(await first.exited).toBe(0);
    await eventually(() => smtp.messages.length >= COUNT, `all ${COUNT} emails`, 30_000);
    await sleep(2500);
    expect(sentKeys().sort()).toEqual(Array.from({ length: COUNT }, (_, i) => `burst:${i}`).sort());
    // The first sent what it had in flight, the second all the rest.
    expect(sentBy('first-bot')).toHaveLength(READERS);
    expect(sentBy('second-bot')).toHaveLength(COUNT - READERS);
    expect(await table.states()).toEqual({ sent: COUNT });
    await second.kill('SIGTERM');
  });

  it('a second SIGTERM exits at once; nothing is lost: the second process sends everything once', { timeout: 120_000 }, async () => {
    const { first } = await firstHoldingTheBurst({
      DELIVERY_LEASE_MS: '10000',
      DELIVERY_CALL_TIMEOUT_MS: '5000',
      SHUTDOWN_GRACE_MS: '60000',
    });
    first.signal('SIGTERM');
    await eventually(async () => (await fetch(`${first.url}/readyz`)).status === 503, '/readyz answers 503');
    const signalledAt = Date.now();
    first.signal('SIGTERM');
    expect(await first.exited).toBe(1);
    expect(Date.now() - signalledAt).toBeLessThan(2_000);
    // The held emails were never acknowledged: the server drops them with their connections.
    await eventually(() => smtp.dropped.length === READERS, 'the cut-off sends dropped by the server');
    smtp.release();

    const second = await startBotProcess(botEnv('second-bot'));
    // The released ones at once, the cut-off ones once their lease has run out.
    await eventually(() => smtp.messages.length >= COUNT, `all ${COUNT} emails`, 40_000);
    await sleep(2500);
    expect(sentKeys().sort()).toEqual(Array.from({ length: COUNT }, (_, i) => `burst:${i}`).sort());
    expect(await outboxTable(db.url).states()).toEqual({ sent: COUNT });
    await second.kill('SIGTERM');
  });
});
