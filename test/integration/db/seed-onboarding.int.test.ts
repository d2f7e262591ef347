import { expect, it } from 'vitest';
import { ONBOARDING_DEMO, seedOnboarding } from '../../../scripts/db/seed-onboarding';
import { FixedClock } from '../../fakes/fixed-clock';
import { RecordingEmailNotifier } from '../../fakes/recording-notifiers';
import { describeOn, sqliteTarget, useFreshDatabase } from './test-databases';

describeOn(sqliteTarget, 'the onboarding demo seed', () => {
  const fresh = useFreshDatabase(sqliteTarget);

  it('leaves a template and a customer half set up through the use cases, and a second run adds nothing', async () => {
    const { db } = fresh;
    const clock = new FixedClock(new Date());
    const o = { email: new RecordingEmailNotifier(), clock };
    expect(await seedOnboarding(db, o)).toEqual({ template: 'created', customer: 'created' });
    const what = async () => {
      const templates = await db.templates.list([ONBOARDING_DEMO.domain]);
      const customers = await db.customers.list([ONBOARDING_DEMO.domain]);
      const customer = customers.find((c) => c.name === ONBOARDING_DEMO.customerName)!;
      return {
        templates: templates.map((t) => [t.name, t.customerCount]),
        customers: customers.map((c) => [c.name, c.status, c.adminEmail]),
        locations: customer.locations.map((l) => [l.name, l.headquarters, l.remoteLocationId !== null]),
        users: (await db.customerUsers.list(customer.id)).map((u) => [u.email, u.status]),
        setup: await db.servicesSetups.find(customer.id),
      };
    };
    const first = await what();
    expect(first).toMatchObject({
      templates: [[ONBOARDING_DEMO.templateName, 1]],
      customers: [[ONBOARDING_DEMO.customerName, 'provisioned', ONBOARDING_DEMO.adminEmail]],
      locations: [
        ['Headquarters', true, false],
        [ONBOARDING_DEMO.branchName, false, true],
      ],
      users: [[ONBOARDING_DEMO.userEmail, 'provisioned']],
      // Started, not submitted.
      setup: { version: 1, state: 'draft', sipAddressName: ONBOARDING_DEMO.sipAddressName, submittedAt: null },
    });

    clock.advanceDays(1);
    expect(await seedOnboarding(db, o)).toEqual({ template: 'existing', customer: 'existing' });
    expect(await what()).toEqual(first);
  });
});
