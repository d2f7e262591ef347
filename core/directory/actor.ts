import type { Channel, Person } from '../provisioning/provisioning';
import type { DirectoryUser } from './directory';

/** Whoever asks the core to do something, as resolved by the adapter that heard them. */
export interface Actor {
  channel: Channel;
  name: string;
  /** Verified email: from the directory, the chat platform's profile, or a signed email link. */
  email: string | null;
  platformUserId: string | null;
  user: DirectoryUser | null;
}

export const sameEmail = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export function actorAsPerson(actor: Actor): Person {
  return { name: actor.name, email: actor.email ?? actor.platformUserId ?? 'unknown' };
}

/** The scheduler, for the initial emails it sends on the requested start date. */
export const SYSTEM_ACTOR: Actor = {
  channel: 'system',
  name: 'provbot scheduler',
  email: null,
  platformUserId: null,
  user: null,
};
