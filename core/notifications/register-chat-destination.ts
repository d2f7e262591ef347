import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { assertKnownDomain } from '../directory/domain-name';
import { CoreError } from '../errors';
import { problem } from '../validation-problems';
import { authorizedScope, destinationScopeName, destinationsOf, sameDestination, saveDestinations } from './chat-destination-scope';
import type { DestinationScope } from './chat-destination-scope';
import type { ChatDestination } from './notification-settings';
import { MAX_CHAT_DESTINATIONS, parseSettings, ZChatDestination } from './notification-settings.schemas';

export interface ChatDestinationInput {
  actor: Actor;
  scope: DestinationScope;
  /** The channel or group chat the command was typed in, as its adapter names it. */
  destination: ChatDestination;
}

export interface ChatDestinationsChanged {
  scope: DestinationScope;
  /** False when there was nothing to do: already registered, or not registered. */
  changed: boolean;
  destinations: ChatDestination[];
}

/**
 * `notify channel here <domain> <group>`: the group's notices also go to this channel
 * (ours, beside the seed's "External email addresses"). Registering it twice is harmless.
 */
export async function registerChatDestination(deps: CoreDeps, input: ChatDestinationInput): Promise<ChatDestinationsChanged> {
  const scope = authorizedScope(input.actor, input.scope, 'send notices of');
  if (scope.kind === 'domain') await assertKnownDomain(deps.users, scope.domain);
  const destination = parseSettings(ZChatDestination, input.destination);
  const current = await destinationsOf(deps, scope);
  if (current.some((d) => sameDestination(d, destination))) return { scope, changed: false, destinations: current };
  if (current.length >= MAX_CHAT_DESTINATIONS) {
    throw new CoreError('VALIDATION_FAILED', {
      fields: [
        problem(
          'chatDestinations',
          `${destinationScopeName(scope)} already has ${current.length} chat destinations, the most it may have: remove one first`,
        ),
      ],
    });
  }
  const destinations = [...current, destination];
  await saveDestinations(deps, scope, destinations);
  deps.log.info({ scope, platform: destination.platform, label: destination.label }, 'chat destination registered');
  return { scope, changed: true, destinations };
}
