import type { webApi } from '@slack/bolt';
import type { ChatNotice, ChatNotifier, ChatTo, Clock, Logger, PostedMessage } from '../../core/index';
import { DeliveryRefused, silentLogger, systemClock } from '../../core/index';
import type { ChatNoticeOptions } from '../presenters/present-chat-notice';
import { presentChatNotice } from '../presenters/present-chat-notice';
import type { SlackMessage } from './blocks/view.blocks';
import { renderView } from './blocks/view.blocks';
import { renderViewParts } from './blocks/view-parts.blocks';
import type { SlackAddress } from './slack-address';
import { parseSlackAddress, toPostedMessage } from './slack-address';
import { errorSummary } from './bolt-logger';
import { deliveryMetadata, findPostedNotices } from './find-posted-notice';
import { refusedBySlack } from './slack-delivery-errors';
import { uploadOrderSummary } from './upload-order-summary';

/** Channel ids (C…, G…, D…) as Slack writes them; anything else was not written by `/prov notify channel here`. */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,40}$/;

export interface SlackNotifierOptions {
  /** The outbox's client (createSlackNotifierClient): no waiting on 429, no retries. Defaults to `client`. */
  noticeClient?: webApi.WebClient;
  clock?: Clock;
  log?: Logger;
}

/**
 * The core's outbound side in Slack. Messages to a person are posted with their
 * user id as the channel: Slack delivers them in the bot's DM with that person
 * (the app's Messages tab) and answers with the DM's channel id, which is what
 * chat.update needs later. https://docs.slack.dev/reference/methods/chat.postMessage#channels
 * Notices from the outbox throw DeliveryRefused for what Slack refused
 * (slack-delivery-errors.ts); any other error is the dispatcher's to retry.
 */
export class SlackNotifier implements ChatNotifier {
  readonly platform = 'slack' as const;
  private readonly noticeClient: webApi.WebClient;
  private readonly clock: Clock;
  private readonly log: Logger;
  constructor(client: webApi.WebClient, o: SlackNotifierOptions = {}) {
    this.noticeClient = o.noticeClient ?? client;
    this.clock = o.clock ?? systemClock;
    this.log = o.log ?? silentLogger;
  }

  /**
   * A DM (posted to the user id) or a registered channel (its id), with the delivery's
   * key in its metadata. A digest too long for one message goes out in parts
   * (view-parts.blocks.ts): the first carries the delivery's key, part k the key
   * `<key>:part-k`. In doubt (the last attempt may have gone out), it looks for those
   * keys first and posts only the parts not there. A failure between two parts (a rate
   * limit on part 3) is an ordinary failure to the dispatcher, retried without doubt, so
   * a notice in several parts always looks; the split depends only on the item count, so
   * part k holds the same items on every attempt. Answers with where the first part is.
   */
  async postNotice(input: { to: ChatTo; notice: ChatNotice; idempotencyKey: string; inDoubt: boolean }): Promise<PostedMessage | null> {
    const { to } = input;
    const channel = to.kind === 'user' ? to.platformUserId : to.address;
    if (!channel) return null;
    if (to.kind === 'conversation' && !CHANNEL_ID.test(channel))
      throw new DeliveryRefused(`"${to.label}" is not a Slack channel id`, { permanent: true });
    if (input.notice.kind === 'order-summary') {
      // A file, not a message to update later: nothing to store.
      await uploadOrderSummary(this.noticeClient, to, input.notice, this.log);
      return null;
    }
    const parts = renderViewParts(presentChatNotice(input.notice, this.options(to.kind === 'user' ? 'person' : 'channel')));
    const keys = parts.map((_, i) => (i === 0 ? input.idempotencyKey : `${input.idempotencyKey}:part-${i + 1}`));
    const posted = input.inDoubt || parts.length > 1 ? await this.alreadyPosted(channel, keys) : new Map<string, SlackAddress>();
    let first: PostedMessage | null = null;
    for (const [i, part] of parts.entries()) {
      const there = posted.get(keys[i]!);
      const message = there
        ? toPostedMessage(there)
        : await refusedBySlack('chat.postMessage', () =>
            this.postTo(this.noticeClient, channel, { ...part, metadata: deliveryMetadata(keys[i]!) }),
          );
      first ??= message;
    }
    return first;
  }

  private async alreadyPosted(channel: string, keys: string[]): Promise<Map<string, SlackAddress>> {
    return findPostedNotices(this.noticeClient, channel, keys).catch((err: unknown) => {
      this.log.warn(
        { key: keys[0], ...errorSummary(err) },
        'slack: could not look for a notice that may be posted already; posting it again',
      );
      return new Map<string, SlackAddress>();
    });
  }

  /** The notice as it now stands, in place: a decided activity without buttons, a live one with an assignee's. */
  async updateNotice(input: { message: PostedMessage; notice: ChatNotice }): Promise<void> {
    const { channel, ts } = addressOf(input.message);
    // Slack's DM channel ids start with D; everything else is a shared channel.
    const message = renderView(presentChatNotice(input.notice, this.options(channel.startsWith('D') ? 'person' : 'channel')));
    await refusedBySlack('chat.update', () => this.noticeClient.chat.update({ channel, ts, ...message }));
  }

  private options(audience: ChatNoticeOptions['audience']): ChatNoticeOptions {
    // Every item of a digest or alert: renderViewParts spreads them over as many messages as Slack's limits need.
    return { now: this.clock.now(), prefix: '/prov ', maxItems: Number.POSITIVE_INFINITY, audience };
  }

  private async postTo(
    client: webApi.WebClient,
    channel: string,
    message: SlackMessage & { metadata?: ReturnType<typeof deliveryMetadata> },
  ): Promise<PostedMessage> {
    const res = await client.chat.postMessage({ channel, ...message });
    if (!res.channel || !res.ts) throw new Error('chat.postMessage answered without channel and ts');
    return toPostedMessage({ channel: res.channel, ts: res.ts });
  }
}

/** An address this adapter did not write will never update: refused for good, not retried. */
function addressOf(message: PostedMessage): SlackAddress {
  try {
    return parseSlackAddress(message);
  } catch (err) {
    throw new DeliveryRefused(err instanceof Error ? err.message : String(err), { permanent: true });
  }
}
