import { InMemoryNotificationSettings } from './in-memory-notification-settings';
import { describeNotificationSettingsRepository } from './notification-settings-repository.contract';

/** The contract test/integration/db/notification-settings-contract.int.test.ts runs on both databases. */
describeNotificationSettingsRepository('InMemoryNotificationSettings', async () => new InMemoryNotificationSettings());
