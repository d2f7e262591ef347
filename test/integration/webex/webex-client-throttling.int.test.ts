import { afterEach, describe, expect, it } from 'vitest';
import { ProvisioningUnavailable } from '../../../core/index';
import { customerRequest, HQ } from '../../fakes/customer-provisioning.contract';
import type { FakeWebexServer } from '../../fakes/fake-webex-server';
import { startClient } from './webex-client-harness';

describe('Webex provisioning client: waiting when Webex asks, pacing itself, keeping the token secret', () => {
  let fake: FakeWebexServer | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('waits out 429 and 423 for their Retry-After, then creates the customer once', async () => {
    const started = await startClient();
    fake = started.fake;
    fake.scripted.push({ status: 429, retryAfterSeconds: 2 }, { status: 423, retryAfterSeconds: 3 });
    const { customerId } = await started.client.createCustomer(customerRequest('Acme'));
    expect(started.timer.sleeps.filter((ms) => ms >= 1000)).toEqual([2000, 3000]);
    expect(fake.requestsTo('POST', '/wholesale/customers').map((r) => r.status)).toEqual([429, 423, 202]);
    expect([...fake.customers.keys()]).toEqual([customerId]);
  });

  it('gives up past about 30 s of waiting: ProvisioningUnavailable saying when to come back', async () => {
    const started = await startClient();
    fake = started.fake;
    fake.scripted.push({ status: 429, retryAfterSeconds: 20 }, { status: 429, retryAfterSeconds: 20 });
    const err = await started.client.createCustomer(customerRequest('Acme')).catch((e) => e);
    expect(err).toBeInstanceOf(ProvisioningUnavailable);
    expect(err).toMatchObject({ retryAfterMs: 20_000, message: 'Webex is rate limiting provbot; try again in 20 seconds.' });
    expect(started.timer.sleeps.filter((ms) => ms >= 1000)).toEqual([20_000]);
    expect(fake.customers.size).toBe(0);
  });

  it('paces itself to 10 requests a second by default, so a long import meets no 429', async () => {
    const started = await startClient({ maxRequestsPerSecond: 10 });
    fake = started.fake;
    const t0 = started.timer.now();
    for (let i = 0; i < 35; i++) await started.client.precheck({ address: HQ });
    expect(fake.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(started.timer.now() - t0).toBeGreaterThanOrEqual(3_400);
  });

  it('a faster pace than Webex allows meets 429s, honours each Retry-After, and still completes every call', async () => {
    const started = await startClient({ maxRequestsPerSecond: 10 }, { maxRequestsPerSecond: 50 });
    fake = started.fake;
    for (let i = 0; i < 35; i++) expect(await started.client.precheck({ address: HQ })).toEqual({ ok: true });
    const limited = fake.requests.filter((r) => r.status === 429).length;
    expect(limited).toBeGreaterThan(0);
    expect(started.timer.sleeps.filter((ms) => ms === 1000)).toHaveLength(limited);
    expect(fake.requests.filter((r) => r.status === 200)).toHaveLength(35);
  });

  it('sends the token on every request and never logs it, even when refused or failing', async () => {
    const started = await startClient();
    fake = started.fake;
    fake.scripted.push({ status: 429, retryAfterSeconds: 1 }, { status: 503 });
    await started.client.precheck({ address: HQ }).catch(() => undefined);
    await started.client.createCustomer(customerRequest('Acme', { provisioningId: '' })).catch(() => undefined);
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of fake.requests) expect(r.authorization).toBe(`Bearer ${fake.token}`);
    expect(started.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(started.logs)).not.toContain(fake.token);
  });

  it('a token Webex refuses is ProvisioningUnavailable naming the setting, not the token', async () => {
    const started = await startClient({}, { accessToken: 'expired-token-value' });
    fake = started.fake;
    const err = await started.client.precheck({ address: HQ }).catch((e) => e);
    expect(err).toBeInstanceOf(ProvisioningUnavailable);
    expect(err.message).toBe('Webex did not accept the access token: an administrator must renew WEBEX_ACCESS_TOKEN.');
    expect(JSON.stringify(started.logs)).not.toContain('expired-token-value');
  });
});
