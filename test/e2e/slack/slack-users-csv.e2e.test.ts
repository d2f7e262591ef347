import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedEvent } from '../../../scripts/bench/slack/slack-signing';
import type { SharedSlackFile } from '../../../scripts/bench/slack/recording-slack-files';
import { customerInput, templateInput } from '../../fixtures/onboarding';
import { FakeWebexServer } from '../../fakes/fake-webex-server';
import { openRawTables } from '../../integration/db/raw-rows';
import type { RawTables } from '../../integration/db/raw-rows';
import { API_TOKEN, BOT_TOKEN, buttonsOf, SIGNING_SECRET, startSlackE2E, visibleText } from './slack-e2e-harness';
import type { SlackE2E } from './slack-e2e-harness';

let webex: FakeWebexServer;
let h: SlackE2E;
let raw: RawTables;
let dir: string;
beforeAll(async () => {
  webex = await FakeWebexServer.start();
  webex.pollsUntilProvisioned = 0;
  dir = await mkdtemp(join(tmpdir(), 'provbot-users-csv-'));
  const databaseUrl = `file:${join(dir, 'users.db')}`;
  h = await startSlackE2E({
    WEBEX_ACCESS_TOKEN: webex.token,
    WEBEX_API_URL: webex.url,
    WEBEX_POLL_SECONDS: '3600',
    DATABASE_URL: databaseUrl,
  });
  h.api.files.botToken = BOT_TOKEN;
  raw = openRawTables(databaseUrl);
}, 30_000);
afterAll(async () => {
  await raw?.close();
  await h?.stop();
  await webex?.close();
  await rm(dir, { recursive: true, force: true });
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.bot.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

let fresh = 0;
/** A provisioned customer in a domain of its own, and a Slack user who is that domain's Administrator. */
async function provisionedCustomer() {
  fresh += 1;
  const domain = `csv${fresh}.example`;
  const admin = { id: `UCSVADMIN${fresh}`, name: `admin${fresh}` };
  await api('POST', '/api/users', {
    email: `admin@${domain}`,
    name: `Ann Admin ${fresh}`,
    slackUserId: admin.id,
    roles: [{ role: 'Administrator', domain }],
  });
  const template = (await api('POST', '/api/templates', templateInput({ domain }))).body as { id: string };
  const name = `Initech ${fresh}`;
  const created = await api(
    'POST',
    '/api/customers',
    customerInput(template.id, { domain, name, packages: ['webex_calling', 'webex_meetings'] }),
  );
  expect(created.status).toBe(202);
  await h.core.refreshProvisioningCustomers();
  return { id: created.body.id as string, name, admin, domain, email: (n: string) => `${n}@c${fresh}.example` };
}

/** The user shares a file in the bot's DM with a message, as Slack sends it (message.im, subtype file_share). */
async function shareInDm(user: { id: string }, file: SharedSlackFile, text: string) {
  const channel = `D${user.id.slice(1)}`;
  const res = await postSignedEvent(
    h.events,
    { type: 'message', subtype: 'file_share', channel_type: 'im', channel, user: user.id, text, ts: `${Date.now() / 1000}`, files: [file] },
    { secret: SIGNING_SECRET },
  );
  expect(res.status).toBe(200);
  return channel;
}

const postsTo = (channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const nthPost = (channel: string, n: number) => h.api.waitFor(() => postsTo(channel)[n]);
const usersOf = (customerId: string) =>
  raw.rows(`SELECT email, status FROM customer_users WHERE "customerId" = '${customerId}' ORDER BY email`);
const HEADER = 'First name,Last name,Email,Package,Location,Phone number';

describe('adding users by sharing a CSV file with the bot in Slack', () => {
  it('names every bad line by line, column and problem, fetches the file with the bot token, and creates nobody', async () => {
    const c = await provisionedCustomer();
    const file = h.api.files.share({
      name: 'users.csv',
      content: `${HEADER}\nDee,Ok,${c.email('dee')},Webex Meetings,Headquarters,\nEve,,${c.email('eve')},Gold,Mars,\nFay,Far,${c.email('fay')},Webex Calling,Headquarters,+33142685300\n`,
    });
    const channel = await shareInDm(c.admin, file, `customer users ${c.name}`);
    const reply = visibleText((await nthPost(channel, 0)).args);
    expect(reply).toContain('users.csv: 2 lines to fix');
    expect(reply).toContain(`Nobody was created for ${c.name}`);
    expect(reply).toContain('Line 3, last name: The last name is empty.');
    expect(reply).toContain('Line 3, package: "Gold" is not a Webex package.');
    expect(reply).toContain('Line 3, location: The customer has no location named "Mars".');
    expect(reply).toMatch(/Line 4, phone number: /);
    expect(buttonsOf((await nthPost(channel, 0)).args)).toEqual([]);
    expect(h.api.callsTo('files.info').some((call) => call.args.file === file.id && call.token === BOT_TOKEN)).toBe(true);
    expect(h.api.files.downloads.filter((d) => d.fileId === file.id)).toEqual([{ fileId: file.id, token: BOT_TOKEN, status: 200 }]);
    expect(await usersOf(c.id)).toEqual([]);
    expect(webex.requestsTo('POST', '/wholesale/subscribers').filter((r) => String(r.body?.email).endsWith(`@c${fresh}.example`))).toEqual(
      [],
    );
  });

  it('shows the count and Create N users; the click creates each user once and posts one result per user', async () => {
    const c = await provisionedCustomer();
    const [ada, bob] = [c.email('ada'), c.email('bob')];
    webex.migratingEmails.add(bob);
    const file = h.api.files.share({
      name: 'team.csv',
      content: `${HEADER}\nAda,Tester,${ada},Webex Calling,Headquarters,+12015550101\nBob,Tester,${bob},Webex Meetings,headquarters,\n`,
    });
    const channel = await shareInDm(c.admin, file, `customer users ${c.name}`);
    const preview = (await nthPost(channel, 0)).args;
    expect(visibleText(preview)).toContain(`Create 2 users for ${c.name}?`);
    const [button] = buttonsOf(preview);
    expect(button?.action_id).toBe('customer-users.create');
    expect(await usersOf(c.id)).toEqual([]);

    const message = { channel, ts: String((await h.api.waitFor(() => postsTo(channel)[0])).answer.ts) };
    await h.click(c.admin, 'customer-users.create', button!.value, message);
    // The clicked message is replaced in place, without its button, before the results.
    const replaced = await h.api.waitFor(() =>
      h.api.callsTo('chat.update').find((u) => u.args.channel === channel && u.args.ts === message.ts && u.answer.ok),
    );
    expect(visibleText(replaced.args)).toContain(`Creating 2 users for ${c.name}…`);
    expect(buttonsOf(replaced.args)).toEqual([]);
    const results = (await nthPost(channel, 1)).args;
    const text = visibleText(results);
    expect(text).toContain(`Users for ${c.name}: 1 created, 1 waiting for consent`);
    expect(text).toContain(ada);
    expect(text).toContain('Waiting for consent');
    const resend = buttonsOf(results).filter((b) => b.action_id.startsWith('customer-users.resend-consent'));
    expect(resend).toHaveLength(1);
    expect(await usersOf(c.id)).toEqual([
      { email: ada, status: 'provisioned' },
      { email: bob, status: 'pending_user_migration' },
    ]);

    // A second click (or a retried one) creates nobody twice.
    await h.click(c.admin, 'customer-users.create', button!.value, message);
    await nthPost(channel, 2);
    const creations = webex.requestsTo('POST', '/wholesale/subscribers').filter((r) => [ada, bob].includes(r.body?.email));
    expect(creations).toHaveLength(2);

    const click = await h.click(c.admin, resend[0]!.action_id, resend[0]!.value, message);
    expect(visibleText((await h.reply(click.responseUrl)).body)).toContain(`consent email to ${bob} again`);
    expect([...webex.subscribers.values()].find((s) => s.email === bob)?.consentEmails).toBe(1);
  });

  it('refuses a file that is not a CSV, in words, without downloading it', async () => {
    const c = await provisionedCustomer();
    const file = h.api.files.share({ name: 'users.pdf', content: '%PDF-1.4', mimetype: 'application/pdf', filetype: 'pdf' });
    const channel = await shareInDm(c.admin, file, `customer users ${c.name}`);
    expect(visibleText((await nthPost(channel, 0)).args)).toContain('users.pdf is not a CSV file');
    expect(h.api.files.downloads.filter((d) => d.fileId === file.id)).toEqual([]);
  });

  it('does not create the users of a file changed after it was checked', async () => {
    const c = await provisionedCustomer();
    const file = h.api.files.share({ name: 'one.csv', content: `${HEADER}\nAda,Tester,${c.email('ada')},Webex Meetings,Headquarters,\n` });
    const channel = await shareInDm(c.admin, file, `customer users ${c.name}`);
    const [button] = buttonsOf((await nthPost(channel, 0)).args);
    h.api.files.replace(file.id, `${HEADER}\nZed,Tester,${c.email('zed')},Webex Meetings,Headquarters,\n`);
    await h.click(c.admin, 'customer-users.create', button!.value, { channel, ts: '1.1' });
    expect(visibleText((await nthPost(channel, 1)).args)).toContain('one.csv has changed since I checked it');
    expect(await usersOf(c.id)).toEqual([]);
  });

  it('refuses someone who may not add users to the customer before anyone is created', async () => {
    const c = await provisionedCustomer();
    const orderer = { id: `UORD${fresh}`, name: 'ord' };
    await api('POST', '/api/users', {
      email: `ord@${c.domain}`,
      name: 'Otis Orderer',
      slackUserId: orderer.id,
      roles: [{ role: 'Ordering', domain: c.domain }],
    });
    const file = h.api.files.share({ name: 'u.csv', content: `${HEADER}\nAda,Tester,${c.email('ada')},Webex Meetings,Headquarters,\n` });
    const channel = await shareInDm(orderer, file, `customer users ${c.name}`);
    expect(visibleText((await nthPost(channel, 0)).args)).toMatch(/You can't add users for Initech \d+/);
    expect(await usersOf(c.id)).toEqual([]);
  });

  it('reads a file shared in a channel with the bot mentioned, and answers in its thread', async () => {
    const c = await provisionedCustomer();
    const file = h.api.files.share({ name: 'chan.csv', content: `${HEADER}\nAda,Tester,${c.email('ada')},Webex Meetings,Headquarters,\n` });
    const ts = `${Date.now() / 1000}`;
    const channel = `CUSERS${fresh}`;
    const res = await postSignedEvent(
      h.events,
      { type: 'app_mention', channel, user: c.admin.id, text: `<@UPROVBOT> customer users ${c.name}`, ts, files: [file] },
      { secret: SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    const post = await nthPost(channel, 0);
    expect(post.args.thread_ts).toBe(ts);
    expect(visibleText(post.args)).toContain(`Create 1 user for ${c.name}?`);
    expect(await usersOf(c.id)).toEqual([]);
  });
});
