import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase } from '../../../adapters/db/create-database';
import type { NewDelivery } from '../../../core/index';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { describeOn, postgresTarget } from '../../integration/db/test-databases';
import { eventually, sleep } from './approval-orders';
import { killAllBotProcesses, startBotProcess } from './bot-processes';
import { outboxTable } from './outbox-table';

const COUNT = 300;
const READERS = 20;

/** A system alert renders from its own content, so 300 of them need no orders or users. */
function alert(i: number): NewDelivery {
  return {
    key: `load:${i}`,
    target: { channel: 'email', address: `ops-${i % READERS}@acme.example`, asUser: false, domain: null },
    content: {
      kind: 'system-alert',
      eventType: 'order-failure',
      events: [
        {
          type: 'order-failure',
          occurredAt: new Date().toISOString(),
          domain: 'acme.example',
          orderNumber: null,
          summary: `Load test alert ${i}`,
        },
      ],
    },
    dueAt: new Date(),
  };
}

/**
 * Two bot processes on one PostgreSQL database, both on a one-second notification
 * tick: deliveries written by someone else (here, straight into the outbox) are found
 * by whichever process ticks, and each row's claim lets exactly one of them send it.
 */
describeOn(postgresTarget, 'two bot processes sharing one database', () => {
  let smtp: SmtpTestServer;
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    db = await postgresTarget.fresh();
  });
  afterAll(async () => {
    await killAllBotProcesses();
    await db?.drop();
    await smtp?.stop();
  });

  it(`sends each of ${COUNT} emails exactly once, both processes taking part`, { timeout: 120_000 }, async () => {
    const env = (name: string) => ({ DATABASE_URL: db.url, SMTP_URL: `${smtp.url}/?name=${name}`, NOTIFY_SCHEDULE: '* * * * * *' });
    // Started together on an empty schema, as two replicas deploy: both migrate at start-up.
    const bots = await Promise.all([startBotProcess(env('bot-one')), startBotProcess(env('bot-two'))]);

    const writer = await createDatabase(db.url);
    try {
      expect(
        await writer.outbox.write({ deliveries: Array.from({ length: COUNT }, (_, i) => alert(i)), digestItems: [], escalations: [] }),
      ).toBe(COUNT);
    } finally {
      await writer.close();
    }

    await eventually(() => smtp.messages.length >= COUNT, `${COUNT} emails`, 60_000);
    // A few more ticks of both: nothing is sent twice.
    await sleep(2500);
    const keys = smtp.messages.map((m) => m.headers['x-provbot-delivery']).sort();
    expect(keys).toEqual(Array.from({ length: COUNT }, (_, i) => `load:${i}`).sort());
    for (const m of smtp.messages) {
      const i = Number(m.headers['x-provbot-delivery']!.slice('load:'.length));
      expect(m.envelope.to).toEqual([`ops-${i % READERS}@acme.example`]);
      expect(m.text).toContain(`Load test alert ${i}`);
    }
    // Told apart by the name each says in EHLO (SMTP_URL ?name=).
    const bySender = {
      one: smtp.messages.filter((m) => m.clientName === 'bot-one').length,
      two: smtp.messages.filter((m) => m.clientName === 'bot-two').length,
    };
    expect(bySender.one + bySender.two).toBe(COUNT);
    expect(bySender.one).toBeGreaterThan(0);
    expect(bySender.two).toBeGreaterThan(0);
    expect(await outboxTable(db.url).states()).toEqual({ sent: COUNT });
    await Promise.all(bots.map((b) => b.kill('SIGTERM')));
  });
});
