import { describe, expect, it } from 'vitest';
import { settingsHarness } from '../../test/fakes/settings-harness';
import { createCore } from '../index';
import type { SelfDescription, SelfReport } from '../index';

const SELF: SelfDescription = {
  version: '1.2.3',
  startedAt: new Date('2026-11-23T07:30:00Z'),
  parts: [{ name: 'Slack', live: true, why: 'HTTP events' }],
  database: { kind: 'SQLite', migrations: { applied: 4, expected: 4 } },
  ticks: [{ job: 'notification', at: new Date('2026-11-23T09:59:00Z'), outcome: 'ok' }],
  errors: [{ kind: 'customer poll failed: TypeError', at: new Date('2026-11-23T09:00:00Z') }],
};
const self: SelfReport = { describe: async () => SELF };

describe('getOperationsStatus', () => {
  it('tells an Administrator of every domain what the process knows of itself, its uptime by the clock, and the outbox', async () => {
    const h = await settingsHarness();
    const core = createCore({ ...h.deps, self });
    const status = await core.getOperationsStatus({ actor: h.ada });
    expect(status).toMatchObject({ ...SELF, now: h.deps.clock.now(), uptimeMs: 2.5 * 3_600_000 });
    expect(status.outbox).toEqual(await h.deps.outbox.summary(h.deps.clock.now()));
  });

  it('refuses a domain Administrator and someone with no role, in words, without asking the process', async () => {
    const h = await settingsHarness();
    let asked = 0;
    const describeSelf = async () => {
      asked++;
      return SELF;
    };
    const core = createCore({ ...h.deps, self: { describe: describeSelf } });
    await expect(core.getOperationsStatus({ actor: h.dora })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { reason: expect.stringContaining('every domain') },
    });
    await expect(core.getOperationsStatus({ actor: h.as('olive') })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(asked).toBe(0);
  });
});
