import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { InMemoryChatAddresses } from '../../test/fakes/in-memory-repositories';
import type { StoredReference } from './conversation-reference';
import { TeamsAddressBook } from './teams-address-book';
import type { TeamsConversations } from './teams-conversations';

const from = { id: '29:1alice', name: 'Alice', aadObjectId: 'aad-alice' };
const message = (conversation: Record<string, unknown>) =>
  ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    from,
    recipient: { id: '28:app' },
    conversation,
    channelData: { tenant: { id: 't' } },
  }) as unknown as Activity;
const PERSONAL = { id: 'a:personal', conversationType: 'personal' };
const CHANNEL = { id: '19:c@thread.tacv2', conversationType: 'channel', isGroup: true };

function setup() {
  const store = new InMemoryChatAddresses();
  const opened: StoredReference[] = [];
  const conversations = {
    openPersonalChat: async (seed: StoredReference) => {
      opened.push(seed);
      return { ...seed, conversation: { id: 'a:opened', conversationType: 'personal', tenantId: 't' } };
    },
  } as unknown as TeamsConversations;
  const warnings: string[] = [];
  const log = { info() {}, warn: (_f: unknown, m: string) => void warnings.push(m), error() {} };
  return { store, opened, warnings, book: new TeamsAddressBook(store, conversations, log) };
}

describe('TeamsAddressBook', () => {
  it('keys users by their Entra object id and returns the personal chat as learnt', async () => {
    const { book, opened } = setup();
    await book.learn(message(PERSONAL));
    expect((await book.personalChat('aad-alice'))?.conversation.id).toBe('a:personal');
    expect(opened).toEqual([]);
  });

  it('opens a personal chat from a channel sighting once, then keeps it', async () => {
    const { book, opened, store } = setup();
    await book.learn(message(CHANNEL));
    expect((await book.personalChat('aad-alice'))?.conversation.id).toBe('a:opened');
    expect((await book.personalChat('aad-alice'))?.conversation.id).toBe('a:opened');
    expect(opened).toHaveLength(1);
    await book.learn(message(CHANNEL));
    expect(JSON.parse((await store.find('teams', 'aad-alice'))!).conversation.id).toBe('a:opened');
  });

  it('does not learn the bot itself, and knows nobody it never met', async () => {
    const { book } = setup();
    await book.learn({ ...message(PERSONAL), from: { id: '28:app' } } as Activity);
    expect(await book.personalChat('28:app')).toBeNull();
    expect(await book.personalChat('aad-nobody')).toBeNull();
  });

  it('treats a malformed stored address as unknown and says so', async () => {
    const { book, store, warnings } = setup();
    await store.save('teams', 'aad-alice', '{"broken":');
    expect(await book.personalChat('aad-alice')).toBeNull();
    expect(warnings[0]).toMatch(/malformed/);
  });
});
