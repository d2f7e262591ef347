import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from './slack-e2e-harness';
import { startSlackOrderE2E } from './slack-order-harness';
import type { Person, SlackOrderE2E } from './slack-order-harness';

let h: SlackOrderE2E;
beforeAll(async () => {
  h = await startSlackOrderE2E({ isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null });
}, 30_000);
afterAll(() => h?.stop());

/** `/prov <text>` as `who`: the lines of the private reply, entities read as Slack shows them. */
async function answer(who: Person, text: string): Promise<string[]> {
  const sent = await h.command(who, text);
  expect(sent.status).toBe(200);
  const [reply] = await h.replies(sent.responseUrl);
  return visibleText(reply as Record<string, unknown>)
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** A mistake is answered with one sentence and at most one usage line, never the whole command list. */
describe('/prov mistakes in Slack', () => {
  it('answers an unknown product with the closest catalog names, and places nothing', async () => {
    const before = await h.workOrders();
    const lines = await answer('olga', 'order jdoe Fone phoneType=7945');
    expect(lines).toContain('"Fone" is not something I can order. Did you mean Phone or Line?');
    expect(lines).toContain(
      'Usage: /prov order [<login> <product or bundle> [key=value ...]]: place an order; alone, it opens the order form',
    );
    expect(lines.join('\n')).not.toContain('/prov resend');
    expect(await h.workOrders()).toEqual(before);
  });

  it("answers a malformed email with that sentence and the contact command's usage only", async () => {
    const lines = await answer('olga', 'contact ORD-1 1 not-an-email');
    expect(lines).toEqual([
      ':warning: I could not read that command',
      '"not-an-email" is not a valid email: must be an email address.',
      'Usage: /prov contact <order> <line>|all <new-email>: change the provisioning contact and send them the provisioning email',
    ]);
  });

  it('answers gibberish with a short pointer to help', async () => {
    const lines = await answer('olga', 'qwzx blorp');
    expect(lines).toEqual([':warning: I could not read that command', 'I don\'t know "qwzx".', 'Type "/prov help" to see every command.']);
  });
});
