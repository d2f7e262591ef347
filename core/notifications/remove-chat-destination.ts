import type { CoreDeps } from '../core-deps';
import { authorizedScope, destinationsOf, sameDestination, saveDestinations } from './chat-destination-scope';
import type { ChatDestinationInput, ChatDestinationsChanged } from './register-chat-destination';

/** `notify channel remove <domain> <group>`, typed in the channel: the group's notices stop coming here. */
export async function removeChatDestination(deps: CoreDeps, input: ChatDestinationInput): Promise<ChatDestinationsChanged> {
  const scope = authorizedScope(input.actor, input.scope, 'stop sending notices of');
  const current = await destinationsOf(deps, scope);
  const destinations = current.filter((d) => !sameDestination(d, input.destination));
  if (destinations.length === current.length) return { scope, changed: false, destinations };
  await saveDestinations(deps, scope, destinations);
  deps.log.info({ scope, platform: input.destination.platform, label: input.destination.label }, 'chat destination removed');
  return { scope, changed: true, destinations };
}
