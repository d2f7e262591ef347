/**
 * npm run seed: demo data in DATABASE_URL (default file:./data/provbot.db), migrated
 * first. Idempotent: users are upserted, orders created only when missing (an order
 * changed by playing with the bot is left as it is). Written through the repositories,
 * so the seed exercises the code the bot runs; the work orders (seed-workflow.ts) and the
 * onboarding template and half set-up customer (seed-onboarding.ts) through the core.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { newOrderLine, policyWindowDays, utcDay } from '../../core/index';
import type { Order, OrderLine } from '../../core/index';
import { createDatabase } from '../../adapters/db/create-database';
import type { Database } from '../../adapters/db/create-database';
import { migrate } from '../../adapters/db/migrate';
import { loadConfig } from '../../bot/config';
import { createEmailNotifier } from '../../adapters/email/email-notifier';
import { createLinkSigner } from '../../adapters/email/links/link-signer';
import { createMailTransport } from '../../adapters/email/mail-transport';
import { databaseUrlFromEnv, redact } from './database-url-from-env';
import { seedOnboarding } from './seed-onboarding';
import { seedWorkflow, WORKFLOW_USERS } from './seed-workflow';

const DOMAIN = 'acme-partner.example';
const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const ALICE = { email: 'alice@acme-partner.example', name: 'Alice Placer' };
const CONTACT = 'it-admin@customer.example';

export const DEMO_USERS = [
  { ...ALICE, roles: [{ role: 'Ordering' as const, domain: DOMAIN }] },
  { email: 'bob@acme-partner.example', name: 'Bob Colleague', roles: [] },
  { email: 'admin@provbot.example', name: 'Ada Admin', roles: [{ role: 'Administrator' as const, domain: '*' }] },
];

const line = (lineNumber: number, product: string, state: Partial<OrderLine> = {}): OrderLine => ({
  ...newOrderLine({ lineNumber, product, provisioningContactEmail: CONTACT }),
  ...state,
});

const order = (number: string, offer: string, rsd: Date, createdAt: Date, lines: OrderLine[]): Order => ({
  number,
  subscriptionId: `Sub-${number.slice(4)}`,
  offer,
  domain: DOMAIN,
  placedBy: ALICE,
  requestedStartDate: utcDay(rsd),
  createdAt,
  lines,
});

/** Orders on both sides of the point of no return, dated relative to `now`. */
export function demoOrders(now: Date): Order[] {
  const day = (n: number) => addDays(now, n);
  const mailed = (sentAt: Date, offer: string) => ({
    provisioningEmailSentAt: sentAt,
    windowEndsAt: addDays(sentAt, policyWindowDays(offer)),
  });
  return [
    // RSD passed three days ago: both emails went out, the 7-day window is running.
    order('ORD-1001', 'A-Flex', day(-3), day(-10), [
      line(1, 'Webex Calling', mailed(day(-3), 'A-Flex')),
      line(2, 'Webex Meetings', mailed(day(-3), 'A-Flex')),
    ]),
    // RSD ahead: nothing mailed yet; contact changes wait for the initial email.
    order('ORD-1002', 'Enterprise Agreement', day(14), day(-1), [line(1, 'Webex Suite'), line(2, 'Webex Contact Center')]),
    // Both windows ended, so both lines closed and billing began, provisioning still
    // pending. Line 1 is past the PONR (organization onboarded): only the admin portal
    // helps now. Line 2 is not: its contact can still be changed and the email resent.
    order('ORD-1003', 'Enterprise Agreement', day(-40), day(-45), [
      line(1, 'Webex Calling', {
        ...mailed(day(-40), 'Enterprise Agreement'),
        ponrAt: day(-20),
        organizationId: 'org-7f3a-acme-customer',
        status: 'Closed',
        closedAt: day(-10),
      }),
      line(2, 'Webex Meetings', { ...mailed(day(-40), 'Enterprise Agreement'), status: 'Closed', closedAt: day(-10) }),
    ]),
  ];
}

export async function seed(db: Database, now: Date): Promise<{ created: string[]; existing: string[] }> {
  for (const user of DEMO_USERS) await db.users.upsert(user);
  const created: string[] = [];
  const existing: string[] = [];
  for (const demo of demoOrders(now)) {
    if (await db.orders.findByNumber(demo.number)) {
      existing.push(demo.number);
      continue;
    }
    await db.orders.create(demo);
    await recordInitialEmails(db, demo);
    created.push(demo.number);
  }
  return { created, existing };
}

/** The history rows the scheduler leaves for an initial email (its actor as core's actorAsPerson gives it). */
async function recordInitialEmails(db: Database, demo: Order): Promise<void> {
  for (const l of demo.lines) {
    if (!l.provisioningEmailSentAt) continue;
    const tx = await db.transactions.record({
      orderNumber: demo.number,
      lineNumber: l.lineNumber,
      kind: 'initial-email',
      actor: { name: 'provbot scheduler', email: 'unknown' },
      channel: 'system',
      oldContact: null,
      newContact: l.provisioningContactEmail,
      createdAt: l.provisioningEmailSentAt,
    });
    await db.transactions.complete(tx.id, 'Sent', l.provisioningEmailSentAt);
  }
}

/** The bot's own email set-up (SMTP_URL, or .eml files under OUTBOX_DIR), so the demo approval email has links that work. */
async function demoEmail(db: Database) {
  const config = loadConfig();
  const { env } = config;
  const secret = env.LINK_SECRET ?? (await db.settings.getOrCreate('link-secret', () => randomBytes(32).toString('hex')));
  const transport = createMailTransport(env.SMTP_URL ? { kind: 'smtp', url: env.SMTP_URL } : { kind: 'outbox', dir: env.OUTBOX_DIR });
  return createEmailNotifier({
    transport,
    from: env.MAIL_FROM,
    publicUrl: config.publicUrl,
    adminPortalUrl: env.ADMIN_PORTAL_URL,
    links: createLinkSigner(secret),
  });
}

async function main(): Promise<void> {
  const databaseUrl = databaseUrlFromEnv();
  const { applied } = await migrate(databaseUrl);
  if (applied.length) console.log(`applied ${applied.join(', ')}`);
  const db = await createDatabase(databaseUrl);
  try {
    const { created, existing } = await seed(db, new Date());
    console.log(
      `${redact(databaseUrl)}: ${DEMO_USERS.length + WORKFLOW_USERS.length} users upserted; orders created: ${created.join(', ') || 'none'}; already there: ${existing.join(', ') || 'none'}`,
    );
    const email = await demoEmail(db);
    const workOrders = await seedWorkflow(db, { email });
    console.log(`work orders placed: ${workOrders.join(', ') || 'none (the demo subscribers already have orders)'}`);
    const onboarding = await seedOnboarding(db, { email });
    console.log(`onboarding template ${onboarding.template}; customer half set up ${onboarding.customer}`);
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Exit explicitly: on PostgreSQL the wasm engine leaves a 10 s timer behind.
  await main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
