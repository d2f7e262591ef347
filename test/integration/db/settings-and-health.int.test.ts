import { expect, it } from 'vitest';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

/** Users and chat addresses: test/fakes/user-repository.contract.ts and chat-address-repository.contract.ts. */
for (const target of TARGETS) {
  describeOn(target, 'Settings and health', () => {
    const fresh = useFreshDatabase(target);

    it('creates a setting once and returns the stored value afterwards', async () => {
      const settings = fresh.db.settings;
      expect(await settings.getOrCreate('link-secret', () => 'first')).toBe('first');
      expect(await settings.getOrCreate('link-secret', () => expect.unreachable('create called again'))).toBe('first');
      expect(await settings.getOrCreate('other', () => 'value')).toBe('value');
    });

    it('gives two processes creating the same setting at once the same value', async () => {
      const values = await withClients(fresh.url, 2, ([a, b]) =>
        Promise.all([a!.settings.getOrCreate('race', () => 'from a'), b!.settings.getOrCreate('race', () => 'from b')]),
      );
      expect(values[0]).toBe(values[1]);
      expect(await fresh.db.settings.getOrCreate('race', () => 'late')).toBe(values[0]);
    });

    it('answers a ping and names its provider', async () => {
      await expect(fresh.db.ping()).resolves.toBeUndefined();
      expect(fresh.db.provider).toBe(target.name);
    });
  });
}
