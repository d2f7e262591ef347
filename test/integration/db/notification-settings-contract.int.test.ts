import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../../adapters/db/create-database';
import { createDatabase } from '../../../adapters/db/create-database';
import { describeNotificationSettingsRepository } from '../../fakes/notification-settings-repository.contract';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/**
 * The notification-settings contract InMemoryNotificationSettings passes
 * (test/fakes/in-memory-notification-settings.test.ts), on each database. Each test wants an
 * empty store (one system row, one template row, "Apply to all domains" over every domain):
 * the repository keeps everything in the one table notification_settings, so emptying it
 * before each test is a fresh store for this port, without migrating a database per test.
 * Tests of a file run one after another, so no test sees another's rows.
 */
for (const target of TARGETS) {
  describeOn(target, 'NotificationSettingsRepository contract', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    // With a key, as the bot runs: an SMTP password cannot be saved without one.
    let keyed: Database | undefined;
    beforeAll(async () => {
      keyed = await createDatabase(fresh.url, { settingsKey: randomBytes(32) });
    });
    afterAll(() => keyed?.close());

    describeNotificationSettingsRepository('Prisma notification settings', async () => {
      await raw.clear('notification_settings');
      return keyed!.notificationSettings;
    });
  });
}
