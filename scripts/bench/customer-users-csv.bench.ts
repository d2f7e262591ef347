import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { startBot } from '../../bot/main';
import type { Bench, BenchResult } from './bench';
import { FakeWebexServer } from './webex/fake-webex-server';

const USERS = 1_000;
const WEBEX_RATE = 10;
const API_TOKEN = 'bench-api-token-0123456789';

/**
 * Set up Customer with 1,000 users from one CSV, through the real bot (HTTP API, SQLite,
 * the Webex client with its pace and Retry-After) against the fake Webex server allowing
 * 10 requests a second and answering 429 beyond: the time taken, the requests per second
 * achieved, and that every user was created exactly once (counted on the fake).
 */
export const customerUsersCsvBench: Bench = {
  name: 'customer-users-csv',
  description: `${USERS} users from one CSV against a Webex allowing ${WEBEX_RATE} requests a second (429 beyond)`,
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'provbot-bench-users-'));
    const webex = await FakeWebexServer.start({ maxRequestsPerSecond: WEBEX_RATE });
    webex.pollsUntilProvisioned = 0;
    const bot = await startBot(
      loadConfig({
        NODE_ENV: 'development',
        PORT: '0',
        DATABASE_URL: `file:${join(dir, 'bench.db')}`,
        OUTBOX_DIR: join(dir, 'outbox'),
        API_TOKEN,
        LOG_LEVEL: 'silent',
        PROVISIONING_SCHEDULE: '0 0 1 1 *',
        NOTIFY_SCHEDULE: '0 0 1 1 *',
        WEBEX_POLL_SECONDS: '3600',
        SETTINGS_KEY_FILE: join(dir, 'settings.key'),
        WEBEX_ACCESS_TOKEN: webex.token,
        WEBEX_API_URL: webex.url,
      }),
    );
    try {
      const customerId = await provisionedCustomer(bot.url, () => bot.pollCustomers());
      const csv = ['first name,last name,email,package,location,phone number,extension'];
      for (let i = 0; i < USERS; i++) csv.push(`User,${i},user${i}@bench.example,Webex Calling,Headquarters,,${1000 + i}`);
      const before = webex.requests.length;
      const started = performance.now();
      const res = await fetch(`${bot.url}/api/customers/${customerId}/users.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'text/csv' },
        body: csv.join('\n'),
      });
      const results = (await res.json()) as { status: string }[];
      const seconds = (performance.now() - started) / 1000;
      const calls = webex.requests.slice(before);
      const limited = calls.filter((r) => r.status === 429).length;
      const created = new Set([...webex.subscribers.values()].map((s) => s.email));
      const once = webex.subscribers.size === USERS && created.size === USERS;
      const provisioned = Array.isArray(results) ? results.filter((r) => r.status === 'provisioned').length : 0;
      return {
        name: 'customer-users-csv',
        rows: [
          {
            metric: 'time for 1,000 users',
            value: `${seconds.toFixed(1)} s`,
            target: `>= ${USERS / WEBEX_RATE} s (the rate allows no less)`,
          },
          { metric: 'requests per second achieved', value: ((calls.length - limited) / seconds).toFixed(2), target: `<= ${WEBEX_RATE}` },
          { metric: '429 answers honoured', value: String(limited) },
          { metric: 'users provisioned (answer)', value: `${provisioned}/${USERS}`, pass: provisioned === USERS },
          {
            metric: 'users created exactly once (fake)',
            value: `${webex.subscribers.size} subscribers, ${created.size} emails`,
            pass: once,
          },
        ],
      };
    } finally {
      await bot.stop();
      await webex.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function provisionedCustomer(url: string, poll: () => Promise<unknown>): Promise<string> {
  const api = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { id: string };
  };
  const domain = 'bench.example';
  const template = await api('/api/templates', {
    domain,
    name: 'Bench calling',
    subscriptionId: 'Sub-bench',
    authenticationMethod: 'webex',
    language: 'en_US',
    timezone: 'America/New_York',
    packages: ['webex_calling'],
  });
  const customer = await api('/api/customers', {
    domain,
    name: 'Bench Co',
    adminEmail: 'admin@bench.example',
    templateId: template.id,
    packages: ['webex_calling'],
    headquarters: { addressLine1: '1 Main Street', city: 'Springfield', stateOrProvince: 'IL', postalCode: '62701', country: 'US' },
    supportedLocationVerified: true,
  });
  await poll();
  return customer.id;
}
