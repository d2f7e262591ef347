import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmailNotifier } from '../../../adapters/email/email-notifier';
import { anAccessRequest, anOrder } from '../../fixtures/core-values';
import { createLinkSigner } from '../../../adapters/email/links/link-signer';
import { createMailTransport } from '../../../adapters/email/mail-transport';
import { parseMime } from '../../fakes/smtp-test-server';

describe('outbox transport (no SMTP_URL)', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'provbot-outbox-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes each message as a parseable .eml file, creating the directory', async () => {
    const dir = join(root, 'data', 'outbox');
    const transport = createMailTransport({ kind: 'outbox', dir });
    const notifier = createEmailNotifier({
      transport,
      from: 'provbot <provbot@partner.example>',
      publicUrl: 'http://127.0.0.1:3978',
      adminPortalUrl: 'https://admin.webex.com',
      links: createLinkSigner('int-test-secret-int-test-secret-000002'),
    });
    await notifier.sendNotice({
      to: 'alice@acme-partner.example',
      asUser: false,
      notice: { kind: 'access-request', request: anAccessRequest(), order: anOrder() },
      smtp: null,
      idempotencyKey: 'access:req-1:email',
      linkBase: null,
    });

    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[A-Za-z0-9._-]+\.eml$/);
    const raw = await readFile(join(dir, files[0]!), 'utf8');
    expect(raw).toContain('\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
    const message = parseMime(raw);
    expect(message.headers.from).toBe('provbot <provbot@partner.example>');
    expect(message.headers.to).toBe('alice@acme-partner.example');
    expect(message.headers.subject).toBe('Approval needed: Bob Outsider asks about order ORD-1');
    expect(message.headers['message-id']).toMatch(/^<.+>$/);
    expect(message.text).toContain(
      'Bob Outsider (bob@other-partner.example) asks to resend the provisioning email for line 2 on order ORD-1.',
    );
    expect(message.text).toMatch(/Approve: http:\/\/127\.0\.0\.1:3978\/links\/access\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    expect(message.html).toContain('>Approve</a>');
  });

  it('keeps one file per message', async () => {
    const transport = createMailTransport({ kind: 'outbox', dir: root });
    const base = { from: 'a@b.example', subject: 'S', text: 'T', html: '<p>T</p>' };
    const [first, second] = await Promise.all([
      transport.send({ ...base, to: 'x@y.example' }),
      transport.send({ ...base, to: 'z@y.example' }),
    ]);
    expect(first.messageId).not.toBe(second.messageId);
    expect((await readdir(root)).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    expect((await readdir(root)).filter((f) => f.endsWith('.tmp'))).toHaveLength(0);
  });

  it('rejects with a readable error when the outbox cannot be written', async () => {
    const blocked = join(root, 'not-a-directory');
    await writeFile(blocked, 'a file where the outbox should be');
    const transport = createMailTransport({ kind: 'outbox', dir: blocked });
    const send = transport.send({ from: 'a@b.example', to: 'c@d.example', subject: 'S', text: 'T', html: 'T' });
    await expect(send).rejects.toThrow(`Could not write the email to the outbox ${blocked}`);
    await expect(transport.verify()).rejects.toThrow();
  });
});
