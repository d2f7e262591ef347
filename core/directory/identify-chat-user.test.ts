import { describe, expect, it, vi } from 'vitest';
import { coreHarness } from '../../test/fakes/core-harness';
import { ALICE } from '../../test/fixtures/orders';

describe('identifyChatUser', () => {
  it('matches by platform id first, else by email, and links the id for next time', async () => {
    const { core } = coreHarness();
    await core.registerUser({ ...ALICE, slackUserId: undefined });
    const lookupEmail = vi.fn(async () => 'ALICE@acme-partner.example');

    const first = await core.identifyChatUser({ platform: 'slack', platformUserId: 'U999', name: 'alice', lookupEmail });
    expect(first).toMatchObject({ name: 'Alice Placer', email: ALICE.email, user: { slackUserId: 'U999' } });
    const second = await core.identifyChatUser({ platform: 'slack', platformUserId: 'U999', name: 'alice', lookupEmail });
    expect(second.user?.email).toBe(ALICE.email);
    expect(lookupEmail).toHaveBeenCalledTimes(1);
  });

  it('keeps an unknown user as who the platform says they are, with no roles', async () => {
    const { core } = coreHarness();
    const actor = await core.identifyChatUser({
      platform: 'teams',
      platformUserId: 'aad-x',
      name: 'Xavier',
      lookupEmail: async () => null,
    });
    expect(actor).toEqual({ channel: 'teams', platformUserId: 'aad-x', name: 'Xavier', email: null, user: null });
  });
});
