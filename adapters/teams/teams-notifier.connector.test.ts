import { TeamsAdapter as BotFrameworkAdapter } from '@microsoft/teams-ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatTo } from '../../core/index';
import { DeliveryRefused, silentLogger } from '../../core/index';
import { InMemoryChatAddresses } from '../../test/fakes/in-memory-repositories';
import { RecordingBotConnector } from '../../test/fakes/recording-bot-connector';
import type { StoredReference } from './conversation-reference';
import { botFrameworkAuthConfig } from './teams-auth';
import { TeamsAddressBook } from './teams-address-book';
import { parseTeamsAddress } from './teams-address';
import { TeamsConversations } from './teams-conversations';
import { TeamsNotifier } from './teams-notifier';

/**
 * The notifier over botbuilder's real connector client (local mode: no token), against
 * a recording Bot Framework connector: what Teams' refusals look like by the time they
 * reach the outbox.
 */
let connector: RecordingBotConnector;
let notifier: TeamsNotifier;
let channel: ChatTo;
beforeAll(async () => {
  connector = await RecordingBotConnector.start();
  const adapter = new BotFrameworkAdapter(botFrameworkAuthConfig({ mode: 'local', appType: 'MultiTenant' }));
  const conversations = new TeamsConversations(adapter, '');
  notifier = new TeamsNotifier(new TeamsAddressBook(new InMemoryChatAddresses(), conversations, silentLogger), conversations, silentLogger);
  const reference: StoredReference = {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: '19:ops@thread.tacv2', conversationType: 'channel', tenantId: 't' },
    bot: { id: '28:provbot' },
    user: { id: '29:1rita' },
  };
  channel = { kind: 'conversation', address: JSON.stringify(reference), label: 'Ops / General' };
});
afterAll(() => connector?.close());
beforeEach(() => {
  connector.failures.length = 0;
  connector.calls.length = 0;
});

const test = { kind: 'test' as const, scope: 'system events' };
const toChannel = (c: { method: string; conversationId: string | null }) =>
  c.method === 'POST' && c.conversationId === '19:ops@thread.tacv2';

describe('TeamsNotifier against the connector', () => {
  it('posts into the registered channel and returns the activity id the connector gave', async () => {
    const posted = await notifier.postNotice({ to: channel, notice: test });
    const call = connector.calls.find(toChannel)!;
    expect(parseTeamsAddress(posted!).activityId).toBe(call.reply.id);
    expect(JSON.stringify(call.body)).toContain('this channel will receive system events notifications');
  });

  it('refuses for good what Teams answers 404 (the conversation is gone) or 403 (the bot was removed)', async () => {
    for (const status of [404, 403]) {
      connector.failures.length = 0;
      connector.failures.push({ match: toChannel, status });
      const err = await notifier.postNotice({ to: channel, notice: test }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DeliveryRefused);
      expect(err).toMatchObject({ permanent: true, retryAfterMs: null, message: expect.stringContaining(`(${status}`) });
    }
  });

  it("turns a 429 still refused after the connector pipeline's own retries into a refusal with Retry-After", async () => {
    connector.failures.push({ match: toChannel, status: 429, retryAfterSeconds: 1 });
    const err = await notifier.postNotice({ to: channel, notice: test }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryRefused);
    expect(err).toMatchObject({ permanent: false, retryAfterMs: 1000 });
    // The pipeline (@azure/core-rest-pipeline defaultRetryPolicy) waits out Retry-After three times itself first.
    expect(connector.calls.filter(toChannel).map((c) => c.status)).toEqual([429, 429, 429, 429]);
  });

  it('leaves a 412 on an update to be retried: once inline, then it goes through', async () => {
    const posted = await notifier.postNotice({ to: channel, notice: test });
    connector.failures.push({ match: (c) => c.method === 'PUT', status: 412, times: 1 });
    await notifier.updateNotice({ message: posted!, notice: test });
    expect(connector.calls.filter((c) => c.method === 'PUT').map((c) => c.status)).toEqual([412, 200]);
  });
});
