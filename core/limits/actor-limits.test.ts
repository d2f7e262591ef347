import { describe, expect, it } from 'vitest';
import { coreHarness, workflowHarness } from '../../test/fakes/core-harness';
import { slackActor } from '../../test/fakes/actors';
import { ALICE, BOB, orderIntake } from '../../test/fixtures/orders';
import type { Actor } from '../directory/actor';
import { createCore } from '../index';
import { MAX_NOTES_PER_PRODUCT } from '../subscribers/add-product-note';
import { createActorLimits, DEFAULT_RATE_LIMITS } from './actor-limits';
import { FixedClock } from '../../test/fakes/fixed-clock';

const TIGHT = { writes: { max: 3, windowMs: 60_000 }, accessRequests: { max: 2, windowMs: 3_600_000 } };

describe('per-person rate limits', () => {
  it('refuses access requests past the limit, saying how long to wait, and sends nothing more until the window slides', async () => {
    const h = coreHarness('2026-11-23T10:00:00Z', { limits: TIGHT });
    await h.core.intakeOrder(orderIntake());
    await h.core.registerUser(ALICE);
    const bob = slackActor(await h.core.registerUser(BOB));
    const ask = (orderNumber: string) => h.core.resendProvisioningEmail({ actor: bob, orderNumber, lines: 'all' });

    await ask('ORD-1');
    h.deps.clock.advanceMinutes(10);
    await ask('ORD-404');
    h.deps.clock.advanceMinutes(10);
    await expect(ask('ORD-1')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { kind: 'accessRequests', retryAfterSeconds: 40 * 60 },
    });
    expect(h.slack.sent).toHaveLength(1);

    h.deps.clock.advanceMinutes(40);
    await expect(ask('ORD-1')).resolves.toMatchObject({ state: 'waiting' });
  });

  it('limits the changes one person makes in chat, not another person nor the API', async () => {
    const h = await workflowHarness();
    const limits = createActorLimits(TIGHT, h.deps.clock);
    const core = createCore({ ...h.deps, limits });
    h.deps.subscribers.seed({ id: 'phone', subscriberLogin: 'jdoe', type: 'Phone', attributes: { phoneType: '7945' } });
    const note = (actor: Actor, text: string) => core.addProductNote({ actor, productId: 'phone', text });

    for (const n of [1, 2, 3]) await note(h.as('olive'), `note ${n}`);
    await expect(note(h.as('olive', 'teams'), 'note 4')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { kind: 'writes', retryAfterSeconds: 60 },
    });
    expect((await h.deps.subscribers.findProduct('phone'))!.notes.map((n) => n.text)).toEqual(['note 1', 'note 2', 'note 3']);

    await note(h.as('adam'), 'from adam');
    await note(h.as('olive', 'api'), 'through the API');
    h.deps.clock.advanceMs(60_000);
    await note(h.as('olive'), 'a minute later');
    expect((await h.deps.subscribers.findProduct('phone'))!.notes).toHaveLength(6);
  });

  it('forgets people whose window has passed, so memory follows recent activity', () => {
    const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
    const limits = createActorLimits(DEFAULT_RATE_LIMITS, clock);
    const actor = (i: number): Actor => ({ channel: 'slack', name: `u${i}`, email: null, platformUserId: `U${i}`, user: null });
    for (let i = 0; i < 30_000; i++) limits.take('writes', actor(i));
    expect(limits.remembered('writes')).toBe(30_000);
    clock.advanceMs(DEFAULT_RATE_LIMITS.writes.windowMs + 1);
    for (let i = 30_000; i <= 40_000; i++) limits.take('writes', actor(i));
    // Sweeps run when the count doubles, so it stays within twice the people active in one window.
    expect(limits.remembered('writes')).toBeLessThanOrEqual(20_000);
    // Past the window an earlier person may act again, as often as anyone.
    for (let i = 0; i < DEFAULT_RATE_LIMITS.writes.max; i++) limits.take('writes', actor(0));
    expect(() => limits.take('writes', actor(0))).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
  });
});

describe('notes per product', () => {
  it(`keeps at most ${MAX_NOTES_PER_PRODUCT} notes on a product and refuses more, changing nothing`, async () => {
    const h = await workflowHarness();
    h.deps.subscribers.seed({ id: 'phone', subscriberLogin: 'jdoe', type: 'Phone', attributes: { phoneType: '7945' } });
    const at = h.deps.clock.now();
    for (let i = 0; i < MAX_NOTES_PER_PRODUCT; i++)
      await h.deps.subscribers.addNote('phone', { text: `n${i}`, author: 'Olive Orderer', at });
    await expect(h.core.addProductNote({ actor: h.as('olive'), productId: 'phone', text: 'one more' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: `Phone phone already has ${MAX_NOTES_PER_PRODUCT} notes, the most a product keeps` },
    });
    expect((await h.deps.subscribers.findProduct('phone'))!.notes).toHaveLength(MAX_NOTES_PER_PRODUCT);
  });
});
