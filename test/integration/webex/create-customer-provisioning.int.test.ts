import { afterEach, describe, expect, it } from 'vitest';
import { createCustomerProvisioning } from '../../../adapters/webex/index';
import { HQ } from '../../fakes/customer-provisioning.contract';
import { FakeWebexServer } from '../../fakes/fake-webex-server';

describe('createCustomerProvisioning', () => {
  let fake: FakeWebexServer | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('with a token, calls the Webex API at the configured URL with that token', async () => {
    fake = await FakeWebexServer.start();
    const provisioning = createCustomerProvisioning({ accessToken: fake.token, apiUrl: fake.url });
    expect(await provisioning.precheck({ address: HQ })).toEqual({ ok: true });
    expect(fake.requests.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['POST', '/wholesale/customers/validate', `Bearer ${fake.token}`],
    ]);
  });

  it('without a token, answers from the embedded simulator and calls no server', async () => {
    fake = await FakeWebexServer.start();
    const provisioning = createCustomerProvisioning({ apiUrl: fake.url, simulator: { pollsUntilSettled: 0 } });
    expect(await provisioning.precheck({ address: { ...HQ, country: 'KP' } })).toMatchObject({ ok: false });
    const { customerId } = await provisioning.createCustomer({
      provisioningId: 'p',
      packages: ['webex_meetings'],
      externalId: 'ext-1',
      address: HQ,
      customerInfo: { name: 'Acme', primaryEmail: 'admin@acme.example' },
    });
    expect(await provisioning.getCustomer(customerId)).toMatchObject({ status: 'provisioned', orgId: expect.stringMatching(/^sim-org-/) });
    expect(fake.requests).toEqual([]);
  });
});
