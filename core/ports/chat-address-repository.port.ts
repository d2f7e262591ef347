import type { ChatPlatform } from '../directory/directory';

/**
 * How to reach a chat user proactively. Teams needs the conversation reference of a
 * personal chat, learnt when the user first talks to the bot; Slack needs only the
 * user id. The address is opaque to the core (JSON owned by the adapter).
 */
export interface ChatAddressRepository {
  save(platform: ChatPlatform, platformUserId: string, address: string): Promise<void>;
  find(platform: ChatPlatform, platformUserId: string): Promise<string | null>;
}
