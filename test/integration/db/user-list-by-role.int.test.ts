import { expect, it } from 'vitest';
import type { RoleGrant } from '../../../core/index';
import { unique } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

for (const target of TARGETS) {
  describeOn(target, 'UserRepository.listByRole', () => {
    const fresh = useFreshDatabase(target);
    const users = () => fresh.db.users;

    it('lists everyone holding the role in the domain or in every domain (*), by email', async () => {
      const domain = `d-${unique()}.example`;
      const tag = unique();
      const add = (name: string, roles: RoleGrant[]) => users().upsert({ email: `${name}.${tag}@example.com`, name, roles });
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

      const approvers = await users().listByRole('Approval', domain);
      // Other tests' '*' approvers share the database: keep this test's users.
      expect(approvers.filter((u) => u.email.includes(tag))).toEqual([ada, admin, zoe]);
      expect((await users().listByRole('Shipping', domain)).map((u) => u.name)).toEqual(['other-role']);
      expect(await users().listByRole('Receiving', domain)).toEqual([]);
    });
  });
}
