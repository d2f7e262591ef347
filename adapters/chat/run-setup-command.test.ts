import { describe, expect, it } from 'vitest';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { servicesSetupHarness } from '../../test/fakes/services-setup-harness';
import { advanceWizard, parseSetupCommand, reminderFor, runSetupCommand } from './run-setup-command';

const noCustomers = { listCustomers: async () => [] };

describe('services setup in chat', () => {
  it('reads the three verbs with the customer as typed, and nothing else', () => {
    expect(parseSetupCommand('services setup Globex Retail')).toEqual({ kind: 'services-setup', customer: 'Globex Retail' });
    expect(parseSetupCommand('customer summary cust-1')).toEqual({ kind: 'customer-summary', customer: 'cust-1' });
    expect(parseSetupCommand('Customer Admins Globex')).toEqual({ kind: 'customer-admins', customer: 'Globex' });
    expect(parseSetupCommand('customer activated Globex Retail Carla@Globex.example')).toEqual({
      kind: 'customer-activated',
      customer: 'Globex Retail',
      email: 'Carla@Globex.example',
    });
    expect(parseSetupCommand('customer activated Globex')).toBeNull();
    expect(parseSetupCommand('customer create')).toBeNull();
    expect(parseSetupCommand('services setup')).toBeNull();
  });

  it('walks the customer administrator from the summary to submit, in the seed order', async () => {
    const h = await servicesSetupHarness();
    const actor = h.as(SETUP_PEOPLE.carla);
    const opened = await runSetupCommand({ core: noCustomers, setup: h.core }, actor, {
      kind: 'services-setup',
      customer: 'globex retail',
    });
    expect(opened.kind === 'open-setup' && opened.page.page).toBe('summary');
    const seen: string[] = [];
    const steps: [Parameters<typeof advanceWizard>[2]['page'], string | undefined][] = [
      ['summary', undefined],
      ['calling-setup', 'globex'],
      ['country', 'GB'],
      ['confirm-country', undefined],
      ['timezone', 'Europe/London'],
      ['platform', 'webex-contact-center'],
      ['telephony', 'webex-calling'],
    ];
    for (const [page, value] of steps) {
      const r = await advanceWizard(h.core, actor, { customerId: 'cust-1', page, ...(value ? { value } : {}) });
      if (r.kind !== 'page') throw new Error(`${page}: ${JSON.stringify(r)}`);
      seen.push(r.page.page);
    }
    expect(seen).toEqual(['calling-setup', 'country', 'confirm-country', 'timezone', 'platform', 'telephony', 'review']);
    const submitted = await advanceWizard(h.core, actor, { customerId: 'cust-1', page: 'review' });
    expect(submitted.kind === 'submitted' && submitted.view.title).toBe('Services setup for Globex Retail submitted');
  });

  it('skips the time zone page when only CCAI services are provisioned', async () => {
    const h = await servicesSetupHarness({ customer: { ccaiOnly: true } });
    const actor = h.as(SETUP_PEOPLE.carla);
    await advanceWizard(h.core, actor, { customerId: 'cust-1', page: 'country', value: 'GB' });
    const r = await advanceWizard(h.core, actor, { customerId: 'cust-1', page: 'confirm-country' });
    expect(r.kind === 'page' && r.page.page).toBe('platform');
  });

  it('refuses a change of a confirmed country in words under the country, and keeps the country', async () => {
    const h = await servicesSetupHarness();
    const actor = h.as(SETUP_PEOPLE.carla);
    await advanceWizard(h.core, actor, { customerId: 'cust-1', page: 'country', value: 'GB' });
    await advanceWizard(h.core, actor, { customerId: 'cust-1', page: 'confirm-country' });
    const r = await advanceWizard(h.core, actor, { customerId: 'cust-1', page: 'country', value: 'DE' });
    expect(r).toEqual({
      kind: 'problems',
      problems: { countryOfOperation: expect.stringContaining("the country of operation can't be changed after confirmation") },
    });
    expect((await h.repo.find('cust-1'))?.countryOfOperation).toBe('GB');
  });

  it('ends a customer administrator’s reply with the reminder until the setup is completed', async () => {
    const h = await servicesSetupHarness();
    expect(await reminderFor(h.core, h.as(SETUP_PEOPLE.carla), '/prov ')).toBe(
      'Your services setup for Globex Retail is not finished: /prov services setup Globex Retail',
    );
    expect(await reminderFor(h.core, h.as(SETUP_PEOPLE.otto), '/prov ')).toBeNull();
  });

  it('posts the order summary as a PDF once submitted, and refuses it before in words', async () => {
    const h = await servicesSetupHarness();
    const actor = h.as(SETUP_PEOPLE.pat);
    const chat = { core: noCustomers, setup: h.core };
    await expect(runSetupCommand(chat, actor, { kind: 'customer-summary', customer: 'cust-1' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    await h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { countryOfOperation: 'GB', confirmCountry: true } });
    await h.core.updateServicesSetup({
      actor,
      customerId: 'cust-1',
      changes: { platform: 'webex-contact-center', telephony: 'webex-calling' },
    });
    await h.core.submitServicesSetup({ actor, customerId: 'cust-1' });
    const r = await runSetupCommand(chat, actor, { kind: 'customer-summary', customer: 'cust-1' });
    expect(r.kind === 'summary-pdf' && r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('records a Connect activation for the partner administrator by customer name, then shows it in customer admins', async () => {
    const h = await servicesSetupHarness();
    const actor = h.as(SETUP_PEOPLE.pat);
    // A completed setup is no longer pending: the name is found among the customers the partner sees.
    const listed = { listCustomers: async () => [{ id: 'cust-1', name: 'Globex Retail' }] } as unknown as typeof noCustomers;
    const chat = { core: listed, setup: h.core };
    await h.core.updateServicesSetup({
      actor,
      customerId: 'cust-1',
      changes: { countryOfOperation: 'GB', confirmCountry: true, platform: 'webex-contact-center', telephony: 'webex-calling' },
    });
    await h.core.submitServicesSetup({ actor, customerId: 'cust-1' });
    h.clock.advanceMinutes(10);
    await h.core.advanceServicesSetups();
    const day = h.clock.now().toISOString().slice(0, 10);

    const command = parseSetupCommand('customer activated globex retail carla@globex.example')!;
    const r = await runSetupCommand(chat, actor, command);
    expect(r.kind === 'view' && r.view).toMatchObject({
      title: 'Connect activation recorded for Globex Retail',
      paragraphs: [expect.stringContaining(`carla@globex.example activated their Webex Connect account on ${day}`)],
    });
    const admins = await runSetupCommand(chat, actor, { kind: 'customer-admins', customer: 'cust-1' });
    const carla = admins.kind === 'view' ? admins.view.sections?.find((s) => s.heading.includes('carla@globex.example')) : null;
    expect(carla?.fields).toContainEqual({ label: 'Connect activation', value: `Connect account activated on ${day}` });
    await expect(runSetupCommand(chat, actor, command)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
