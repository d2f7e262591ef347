import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { authorizedScope, destinationScopeName, destinationsOf } from './chat-destination-scope';
import type { DestinationScope } from './chat-destination-scope';
import { DeliveryRefused } from './delivery-refused';
import type { ChatDestination } from './notification-settings';

export interface ChatTestResult {
  destination: ChatDestination;
  ok: boolean;
  /** Why it failed, in words an administrator can act on. */
  problem: string | null;
}

export interface ChatDestinationsTested {
  scope: DestinationScope;
  results: ChatTestResult[];
}

/**
 * `notify test channel <domain> <group>`: the seed's "Test Settings" for our chat
 * destinations. A test notice goes to each registered channel now, not through the
 * outbox: the administrator is waiting for the answer, and nothing is retried.
 */
export async function testChatDestinations(
  deps: CoreDeps,
  input: { actor: Actor; scope: DestinationScope },
): Promise<ChatDestinationsTested> {
  const scope = authorizedScope(input.actor, input.scope, 'test the chat destinations of');
  const label = destinationScopeName(scope);
  const results: ChatTestResult[] = [];
  for (const destination of await destinationsOf(deps, scope)) results.push(await tryOne(deps, destination, label));
  return { scope, results };
}

async function tryOne(deps: CoreDeps, destination: ChatDestination, scope: string): Promise<ChatTestResult> {
  const notifier = deps.chat.find((n) => n.platform === destination.platform);
  if (!notifier)
    return { destination, ok: false, problem: `provbot is not connected to ${destination.platform === 'slack' ? 'Slack' : 'Teams'} here` };
  try {
    // Sent now, not through the outbox: the administrator is waiting for the answer, and a test is never retried.
    const to = { kind: 'conversation' as const, address: destination.address, label: destination.label };
    const posted = await notifier.postNotice({
      to,
      notice: { kind: 'test', scope },
      idempotencyKey: `test:${globalThis.crypto.randomUUID()}`,
      inDoubt: false,
    });
    return posted
      ? { destination, ok: true, problem: null }
      : { destination, ok: false, problem: 'the bot cannot reach this conversation' };
  } catch (err) {
    // A refusal carries the platform's reason for people (not_in_channel, 403); anything else stays in the log.
    if (err instanceof DeliveryRefused) return { destination, ok: false, problem: err.message };
    const ref = globalThis.crypto.randomUUID().slice(0, 8);
    deps.log.warn({ ref, platform: destination.platform, label: destination.label, err }, 'test notice failed');
    return { destination, ok: false, problem: `the post failed (ref ${ref})` };
  }
}
