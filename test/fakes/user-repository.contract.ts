import { describe, expect, it } from 'vitest';
import { CoreError } from '../../core/index';
import type { RoleGrant, UserRepository, UserUpsert } from '../../core/index';
import { unique } from '../integration/db/fixtures';

/**
 * What UserRepository promises (core/ports/user-repository.port.ts), through the port
 * only, so InMemoryUsers and adapters/db run the same suite. Tests share a database:
 * each uses emails and domains of its own.
 */
const person = (overrides: Partial<UserUpsert> = {}): UserUpsert => ({
  email: `Olive.${unique()}@Acme-Partner.example`,
  name: 'Olive Orderer',
  roles: [{ role: 'Ordering', domain: 'acme-partner.example' }],
  ...overrides,
});

export function describeUserRepository(name: string, make: () => Promise<UserRepository>) {
  describe(name, () => {
    it('creates a user under the lowercased email and finds it whatever the case', async () => {
      const users = await make();
      const input = person({ slackUserId: `U${unique()}`.toUpperCase() });
      const created = await users.upsert(input);
      expect(created).toEqual({
        id: expect.any(String),
        email: input.email.toLowerCase(),
        name: 'Olive Orderer',
        slackUserId: input.slackUserId,
        teamsUserId: null,
        roles: [{ role: 'Ordering', domain: 'acme-partner.example' }],
      });
      expect(await users.findByEmail(input.email.toUpperCase())).toEqual(created);
      expect(await users.findByEmail(` ${input.email.toLowerCase()} `)).toEqual(created);
      expect(await users.findByEmail('nobody@acme-partner.example')).toBeNull();
    });

    it('replaces name and roles whole on a second upsert, keeping the id', async () => {
      const users = await make();
      const first = await users.upsert(
        person({
          roles: [
            { role: 'Ordering', domain: 'a.example' },
            { role: 'Approval', domain: 'a.example' },
          ],
        }),
      );
      const second = await users.upsert({
        email: first.email.toUpperCase(),
        name: 'Olive Renamed',
        roles: [
          { role: 'Administrator', domain: '*' },
          { role: 'Administrator', domain: '*' },
        ],
      });
      expect(second).toEqual({ ...first, name: 'Olive Renamed', roles: [{ role: 'Administrator', domain: '*' }] });
      expect(await users.findByEmail(first.email)).toEqual(second);
      expect((await users.upsert({ email: first.email, name: 'Olive', roles: [] })).roles).toEqual([]);
    });

    it('keeps platform ids an upsert leaves out, and clears those it sets to null', async () => {
      const users = await make();
      const slackUserId = `U${unique()}`.toUpperCase();
      const teamsUserId = `aad-${unique()}`;
      const user = await users.upsert(person({ slackUserId, teamsUserId }));
      expect(await users.upsert({ email: user.email, name: user.name, roles: [] })).toMatchObject({ slackUserId, teamsUserId });
      expect(await users.upsert({ email: user.email, name: user.name, roles: [], teamsUserId: null })).toMatchObject({
        slackUserId,
        teamsUserId: null,
      });
    });

    it('finds users by their Slack or Teams id, and links an id found by email', async () => {
      const users = await make();
      const user = await users.upsert(person());
      const slackId = `U${unique()}`.toUpperCase();
      expect(await users.findByPlatformId('slack', slackId)).toBeNull();
      await users.linkPlatformId(user.id, 'slack', slackId);
      await users.linkPlatformId(user.id, 'teams', `aad-${slackId}`);
      const linked = { ...user, slackUserId: slackId, teamsUserId: `aad-${slackId}` };
      expect(await users.findByPlatformId('slack', slackId)).toEqual(linked);
      expect(await users.findByPlatformId('teams', `aad-${slackId}`)).toEqual(linked);
      expect(await users.findByPlatformId('teams', slackId)).toBeNull();
    });

    it('refuses to give one chat identity to two users, changing nothing', async () => {
      const users = await make();
      const slackUserId = `U${unique()}`.toUpperCase();
      const owner = await users.upsert(person({ slackUserId }));
      const other = await users.upsert(person());

      const link = users.linkPlatformId(other.id, 'slack', slackUserId);
      await expect(link).rejects.toBeInstanceOf(CoreError);
      await expect(link).rejects.toMatchObject({ code: 'CONFLICT' });

      const newcomer = person({ slackUserId });
      await expect(users.upsert(newcomer)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await users.findByEmail(newcomer.email)).toBeNull();
      expect(await users.findByPlatformId('slack', slackUserId)).toEqual(owner);
      expect(await users.findByEmail(other.email)).toEqual(other);
    });
    it('lists everyone holding the role in the domain or in every domain (*), by email', async () => {
      const users = await make();
      const domain = `d-${unique()}.example`;
      const tag = unique();
      const add = (name: string, roles: RoleGrant[]) => users.upsert({ email: `${name}.${tag}@example.com`, name, roles });
      const zoe = await add('zoe', [{ role: 'Approval', domain }]);
      const admin = await add('admin', [
        { role: 'Approval', domain: '*' },
        { role: 'Administrator', domain: '*' },
      ]);
      const ada = await add('ada', [
        { role: 'Ordering', domain },
        { role: 'Approval', domain },
      ]);
      await add('other-domain', [{ role: 'Approval', domain: `elsewhere-${tag}.example` }]);
      await add('other-role', [{ role: 'Shipping', domain }]);

      const approvers = await users.listByRole('Approval', domain);
      // Other tests' '*' approvers share the database: keep this test's users.
      expect(approvers.filter((u) => u.email.includes(tag))).toEqual([ada, admin, zoe]);
      expect((await users.listByRole('Shipping', domain)).map((u) => u.name)).toEqual(['other-role']);
      expect(await users.listByRole('Receiving', domain)).toEqual([]);
    });

    it('lists the domains where anyone holds a role, sorted, without *', async () => {
      const users = await make();
      const [b, a] = [`b-${unique()}.example`, `a-${unique()}.example`];
      await users.upsert(
        person({
          roles: [
            { role: 'Approval', domain: b },
            { role: 'Administrator', domain: '*' },
          ],
        }),
      );
      await users.upsert(
        person({
          roles: [
            { role: 'Ordering', domain: a },
            { role: 'Approval', domain: b },
          ],
        }),
      );
      const domains = await users.listDomains();
      expect(domains).toEqual([...domains].sort());
      expect(domains).not.toContain('*');
      expect(domains.filter((d) => d === a || d === b)).toEqual([a, b]);
    });
  });
}
