import type { CoreDeps, ServicesSetupPorts } from '../core-deps';

/**
 * What the services setup use cases touch: the core's outbox, clock and directory, the
 * access requests a partner's member opens to have a setup submitted (and the chats
 * that reach the administrators they ask), and their own ports.
 */
export type ServicesSetupDeps = Pick<CoreDeps, 'outbox' | 'deliveries' | 'clock' | 'log' | 'users' | 'limits' | 'accessRequests' | 'chat'> &
  ServicesSetupPorts;
