import { describe, expect, it } from 'vitest';
import type { ChatAddressRepository } from '../../core/index';
import { unique } from '../integration/db/fixtures';

/** What ChatAddressRepository promises (core/ports/chat-address-repository.port.ts), for InMemoryChatAddresses and adapters/db. */
export function describeChatAddressRepository(name: string, make: () => Promise<ChatAddressRepository>) {
  describe(name, () => {
    it('saves a chat address per platform and user, replacing the previous one', async () => {
      const chat = await make();
      const [id, other] = [`aad-${unique()}`, `aad-${unique()}`];
      await chat.save('teams', id, '{"conversation":{"id":"a:1"}}');
      await chat.save('slack', id, '{"channel":"D1"}');
      await chat.save('teams', id, '{"conversation":{"id":"a:2"}}');
      expect(await chat.find('teams', id)).toBe('{"conversation":{"id":"a:2"}}');
      expect(await chat.find('slack', id)).toBe('{"channel":"D1"}');
      expect(await chat.find('teams', other)).toBeNull();
    });
  });
}
