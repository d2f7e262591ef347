import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { CoreError } from '../../../core/index';
import type { UserUpsert } from '../../../core/index';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const unique = () => randomBytes(4).toString('hex');
const person = (overrides: Partial<UserUpsert> = {}): UserUpsert => ({
  email: `Olive.${unique()}@Acme-Partner.example`,
  name: 'Olive Orderer',
  roles: [{ role: 'Ordering', domain: 'acme-partner.example' }],
  ...overrides,
});

for (const target of TARGETS) {
  describeOn(target, 'UserRepository', () => {
    const fresh = useFreshDatabase(target);
    const users = () => fresh.db.users;

    it('creates a user under the lowercased email and finds it whatever the case', async () => {
      const input = person({ slackUserId: `U${unique()}`.toUpperCase() });
      const created = await users().upsert(input);
      expect(created).toEqual({
        id: expect.any(String),
        email: input.email.toLowerCase(),
        name: 'Olive Orderer',
        slackUserId: input.slackUserId,
        teamsUserId: null,
        roles: [{ role: 'Ordering', domain: 'acme-partner.example' }],
      });
      expect(await users().findByEmail(input.email.toUpperCase())).toEqual(created);
      expect(await users().findByEmail(` ${input.email.toLowerCase()} `)).toEqual(created);
      expect(await users().findByEmail('nobody@acme-partner.example')).toBeNull();
    });

    it('replaces name and roles whole on a second upsert, keeping the id', async () => {
      const first = await users().upsert(
        person({
          roles: [
            { role: 'Ordering', domain: 'a.example' },
            { role: 'Approval', domain: 'a.example' },
          ],
        }),
      );
      const second = await users().upsert({
        email: first.email.toUpperCase(),
        name: 'Olive Renamed',
        roles: [
          { role: 'Administrator', domain: '*' },
          { role: 'Administrator', domain: '*' },
        ],
      });
      expect(second).toEqual({ ...first, name: 'Olive Renamed', roles: [{ role: 'Administrator', domain: '*' }] });
      expect(await users().findByEmail(first.email)).toEqual(second);
      expect((await users().upsert({ email: first.email, name: 'Olive', roles: [] })).roles).toEqual([]);
    });

    it('keeps platform ids an upsert leaves out, and clears those it sets to null', async () => {
      const slackUserId = `U${unique()}`.toUpperCase();
      const teamsUserId = `aad-${unique()}`;
      const user = await users().upsert(person({ slackUserId, teamsUserId }));
      expect(await users().upsert({ email: user.email, name: user.name, roles: [] })).toMatchObject({ slackUserId, teamsUserId });
      expect(await users().upsert({ email: user.email, name: user.name, roles: [], teamsUserId: null })).toMatchObject({
        slackUserId,
        teamsUserId: null,
      });
    });

    it('finds users by their Slack or Teams id, and links an id found by email', async () => {
      const user = await users().upsert(person());
      const slackId = `U${unique()}`.toUpperCase();
      expect(await users().findByPlatformId('slack', slackId)).toBeNull();
      await users().linkPlatformId(user.id, 'slack', slackId);
      await users().linkPlatformId(user.id, 'teams', `aad-${slackId}`);
      const linked = { ...user, slackUserId: slackId, teamsUserId: `aad-${slackId}` };
      expect(await users().findByPlatformId('slack', slackId)).toEqual(linked);
      expect(await users().findByPlatformId('teams', `aad-${slackId}`)).toEqual(linked);
      expect(await users().findByPlatformId('teams', slackId)).toBeNull();
    });

    it('refuses to give one chat identity to two users, changing nothing', async () => {
      const slackUserId = `U${unique()}`.toUpperCase();
      const owner = await users().upsert(person({ slackUserId }));
      const other = await users().upsert(person());

      const link = users().linkPlatformId(other.id, 'slack', slackUserId);
      await expect(link).rejects.toBeInstanceOf(CoreError);
      await expect(link).rejects.toMatchObject({ code: 'CONFLICT' });

      const newcomer = person({ slackUserId });
      await expect(users().upsert(newcomer)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await users().findByEmail(newcomer.email)).toBeNull();
      expect(await users().findByPlatformId('slack', slackUserId)).toEqual(owner);
      expect(await users().findByEmail(other.email)).toEqual(other);
    });
  });

  describeOn(target, 'ChatAddressRepository, settings and health', () => {
    const fresh = useFreshDatabase(target);

    it('saves a chat address per platform and user, replacing the previous one', async () => {
      const chat = fresh.db.chatAddresses;
      await chat.save('teams', 'aad-1', '{"conversation":{"id":"a:1"}}');
      await chat.save('slack', 'aad-1', '{"channel":"D1"}');
      await chat.save('teams', 'aad-1', '{"conversation":{"id":"a:2"}}');
      expect(await chat.find('teams', 'aad-1')).toBe('{"conversation":{"id":"a:2"}}');
      expect(await chat.find('slack', 'aad-1')).toBe('{"channel":"D1"}');
      expect(await chat.find('teams', 'aad-2')).toBeNull();
    });

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
