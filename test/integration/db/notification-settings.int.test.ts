import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../../adapters/db/create-database';
import { createDatabase } from '../../../adapters/db/create-database';
import { SMTP_PASSWORD, domainSettings, smtp, systemSettings } from '../../fakes/notification-settings-repository.contract';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const KEY = randomBytes(32);

/**
 * What only the database shows: the "Mail Server User Password" never stored in clear, and
 * read by clients holding another key or none. What the port promises to one client is the
 * contract's (test/fakes/notification-settings-repository.contract.ts).
 */
for (const target of TARGETS) {
  describeOn(target, 'NotificationSettingsRepository at rest', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    let keyed: Database | undefined;
    const repo = () => keyed!.notificationSettings;
    const storedText = async () =>
      (await raw.rows<{ scope: string; value: string }>(`SELECT "scope", "value" FROM "notification_settings"`))
        .map((r) => `${r.scope} ${r.value}`)
        .join('\n');

    beforeAll(async () => {
      keyed = await createDatabase(fresh.url, { settingsKey: KEY });
    });
    afterAll(() => keyed?.close());
    beforeEach(() => raw.clear('notification_settings'));

    it('keeps the system’s and a domain’s SMTP passwords encrypted in the table, the rest of the settings readable', async () => {
      await repo().saveSystem(systemSettings);
      await repo().saveDomain(domainSettings('globex-partner.example', { smtp: smtp('smtp.globex.example') }));
      expect((await repo().findDomain('globex-partner.example'))?.smtp?.password).toBe(SMTP_PASSWORD);

      const stored = await storedText();
      expect(stored).toContain('mailer.acme.example');
      expect(stored).toContain('smtp.globex.example');
      expect(stored).not.toContain(SMTP_PASSWORD);
      expect(stored).not.toContain(Buffer.from(SMTP_PASSWORD).toString('base64'));
    });

    it('reads a password stored under another key (or with none) as missing, and says why, so the rest of the settings still serve', async () => {
      await repo().saveSystem(systemSettings);
      const unreadable: string[] = [];
      const report = (scope: string, reason: string) => void unreadable.push(`${scope}: ${reason}`);
      const otherKey = await createDatabase(fresh.url, { settingsKey: randomBytes(32), onUnreadablePassword: report });
      const noKey = await createDatabase(fresh.url, { onUnreadablePassword: report });
      try {
        expect((await otherKey.notificationSettings.findSystem())?.smtp).toEqual({ ...systemSettings.smtp, password: null });
        expect((await noKey.notificationSettings.findSystem())?.administration).toEqual(systemSettings.administration);
        expect(unreadable).toEqual([
          expect.stringContaining('system: a stored SMTP password cannot be decrypted: SETTINGS_KEY is not the key it was saved with'),
          expect.stringContaining('system: a stored SMTP password cannot be read: no SETTINGS_KEY was given'),
        ]);
        await expect(
          noKey.notificationSettings.saveDomain(domainSettings('initech.example', { smtp: smtp('mail.initech.example') })),
        ).rejects.toThrow('no SETTINGS_KEY was given');
        expect(await repo().findDomain('initech.example')).toBeNull();
        // Settings without a password need no key.
        await repo().saveSystem({ ...systemSettings, smtp: smtp('mailer.acme.example', null) });
        expect((await noKey.notificationSettings.findSystem())?.smtp).toEqual(smtp('mailer.acme.example', null));
      } finally {
        await otherKey.close();
        await noKey.close();
      }
    });
  });
}
