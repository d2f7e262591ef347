import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { describeOn, postgresTarget, sqliteTarget } from '../../integration/db/test-databases';
import { eventually, expectOneApprovalEmailEach, placeOrders, setUpApprovals, sleep } from './approval-orders';
import { killAllBotProcesses, startBotProcess } from './bot-processes';
import { outboxTable } from './outbox-table';

/**
 * A bot process dies (SIGKILL: no shutdown, no goodbye) while its emails sit in the
 * SMTP DATA phase, the server never having said 250. A new process on the same
 * database takes the dead one's claims over once their lease runs out and sends
 * everything, each email once: the mail server dropped what it never acknowledged.
 * On PostgreSQL the new process's clock runs a lease ahead, so the lease is over as it
 * starts; on SQLite it waits the lease out in real time.
 */
const LEASE_MS = 10_000;
const runs = [
  { target: sqliteTarget, restartedClockOffsetMs: 0 },
  { target: postgresTarget, restartedClockOffsetMs: LEASE_MS + 1_000 },
];

for (const { target, restartedClockOffsetMs } of runs) {
  describeOn(target, 'a bot killed in the middle of sending, then restarted', () => {
    let smtp: SmtpTestServer;
    let db: { url: string; drop(): Promise<void> };
    const botEnv = (name: string) => ({
      DATABASE_URL: db.url,
      // `name` is what the bot says in EHLO: the server can tell the two processes apart.
      SMTP_URL: `${smtp.url}/?name=${name}`,
      // The held sends must still hang when the process is killed (a call timeout would
      // move each lane on to its next email), and a send fits in half its lease (bot/config.ts).
      DELIVERY_LEASE_MS: String(LEASE_MS),
      DELIVERY_CALL_TIMEOUT_MS: '5000',
      // The notification tick is what finds the dead process's claims once their lease is over.
      NOTIFY_SCHEDULE: '* * * * * *',
    });

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      db = await target.fresh();
    });
    afterAll(async () => {
      await killAllBotProcesses();
      await db?.drop();
      await smtp?.stop();
    });

    it('resumes on the same database: every approval email arrives exactly once, nothing pending or dead', {
      timeout: 120_000,
    }, async () => {
      smtp.hold();
      const first = await startBotProcess(botEnv('first-bot'));
      const table = outboxTable(db.url);
      await setUpApprovals(first.api);
      const orders = await placeOrders(first.api, 5);

      // One send per approver at a time: both sit in DATA, waiting for the server's reply.
      await eventually(() => smtp.held === 2, 'two sessions in the DATA phase', 15_000);
      const before = await table.deliveries();
      expect(before.map((r) => r.state)).toEqual(Array(10).fill('pending'));
      expect(before.filter((r) => r.claimed).length).toBeGreaterThanOrEqual(2);

      await first.kill('SIGKILL');
      await eventually(() => smtp.dropped.length === 2, 'the server sees both connections close before its reply');
      smtp.release();
      expect(smtp.messages).toEqual([]);

      const second = await startBotProcess(botEnv('second-bot'), { clockOffsetMs: restartedClockOffsetMs });
      await eventually(() => smtp.messages.length >= 10, 'all ten approval emails from the new process', 30_000);
      // A few more ticks of the new process: nothing goes out twice.
      await sleep(2500);
      expectOneApprovalEmailEach(smtp.messages, orders);
      expect(new Set(smtp.messages.map((m) => m.clientName))).toEqual(new Set(['second-bot']));

      const rows = await table.deliveries();
      expect(rows.map((r) => r.state)).toEqual(Array(10).fill('sent'));
      // The two cut off by the kill: taken over after the lease, sent on a second attempt, once.
      const cutOff = smtp.dropped.map((m) => m.headers['x-provbot-delivery']);
      expect(new Set(cutOff).size).toBe(2);
      for (const key of cutOff) {
        expect(smtp.messages.filter((m) => m.headers['x-provbot-delivery'] === key)).toHaveLength(1);
        expect(rows.find((r) => r.key === key)?.attempts).toBe(2);
      }
      await second.kill('SIGTERM');
    });
  });
}
