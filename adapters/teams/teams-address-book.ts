import type { Activity } from 'botbuilder';
import type { ChatAddressRepository, Logger } from '../../core/index';
import type { StoredReference } from './conversation-reference';
import { isPersonal, parseReference, referenceOf } from './conversation-reference';
import { platformUserIdOf } from './teams-identity';
import type { TeamsConversations } from './teams-conversations';

/**
 * Who the bot can reach in Teams, and where. A personal-chat reference is kept as is.
 * A user first seen in a team or group chat is remembered by that reference only as a
 * seed: the first proactive message opens the personal chat from it (and keeps that),
 * so an access request never lands in a channel for everyone to read.
 */
export class TeamsAddressBook {
  constructor(
    private readonly store: ChatAddressRepository,
    private readonly conversations: TeamsConversations,
    private readonly log: Logger,
  ) {}

  /** Remembers the sender of an activity (message, install, conversation update). */
  async learn(activity: Activity): Promise<void> {
    if (activity.from.id === activity.recipient.id) return;
    const key = platformUserIdOf(activity.from);
    const reference = referenceOf(activity);
    if (!isPersonal(reference)) {
      const known = await this.find(key);
      if (known && isPersonal(known)) return;
    }
    await this.store.save('teams', key, JSON.stringify(reference));
  }

  /** The personal chat with a user, opened on first need; null when the bot never met them. */
  async personalChat(platformUserId: string): Promise<StoredReference | null> {
    const known = await this.find(platformUserId);
    if (!known || isPersonal(known)) return known;
    const personal = await this.conversations.openPersonalChat(known);
    await this.store.save('teams', platformUserId, JSON.stringify(personal));
    return personal;
  }

  private async find(platformUserId: string): Promise<StoredReference | null> {
    const stored = await this.store.find('teams', platformUserId);
    if (stored === null) return null;
    const reference = parseReference(stored);
    if (!reference)
      this.log.warn({ platformUserId }, 'stored Teams address is malformed; the user counts as unknown until they write again');
    return reference;
  }
}
