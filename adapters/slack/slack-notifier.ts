import type { webApi } from '@slack/bolt';
import type { ChatNotice, ChatNotifier, ChatTo, Clock, Logger, PostedMessage } from '../../core/index';
import { DeliveryRefused, silentLogger, systemClock } from '../../core/index';
import type { ChatNoticeOptions } from '../presenters/present-chat-notice';
import { presentChatNotice } from '../presenters/present-chat-notice';
import type { SlackMessage } from './blocks/view.blocks';
import { renderView } from './blocks/view.blocks';
import type { SlackAddress } from './slack-address';
import { parseSlackAddress, toPostedMessage } from './slack-address';
import { errorSummary } from './bolt-logger';
import { deliveryMetadata, findPostedNotice } from './find-posted-notice';
import { refusedBySlack } from './slack-delivery-errors';

/**
 * Items of a digest or alert in one message: each live item takes two blocks (its
 * section and its buttons), so 20 leave room for the header, paragraphs and the "and N
 * more" line inside Slack's 50 blocks (block-kit-limits.ts).
 */
export const SLACK_MAX_ITEMS = 20;

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
  constructor(
    client: webApi.WebClient,
    o: SlackNotifierOptions = {},
  ) {
    this.noticeClient = o.noticeClient ?? client;
    this.clock = o.clock ?? systemClock;
    this.log = o.log ?? silentLogger;
  }

  /**
   * A DM (posted to the user id) or a registered channel (its id), with the delivery's
   * key in its metadata. In doubt (the last attempt may have gone out), it looks for
   * that key first and answers with the message already there.
   */
  async postNotice(input: { to: ChatTo; notice: ChatNotice; idempotencyKey: string; inDoubt: boolean }): Promise<PostedMessage | null> {
    const { to } = input;
    const channel = to.kind === 'user' ? to.platformUserId : to.address;
    if (!channel) return null;
    if (to.kind === 'conversation' && !CHANNEL_ID.test(channel)) throw new DeliveryRefused(`"${to.label}" is not a Slack channel id`, { permanent: true });
    if (input.inDoubt) {
      const already = await findPostedNotice(this.noticeClient, channel, input.idempotencyKey).catch((err: unknown) => {
        this.log.warn({ key: input.idempotencyKey, ...errorSummary(err) }, 'slack: could not look for a notice that may be posted already; posting it again');
        return null;
      });
      if (already) return toPostedMessage(already);
    }
    const message = { ...renderView(presentChatNotice(input.notice, this.options(to.kind === 'user' ? 'person' : 'channel'))), metadata: deliveryMetadata(input.idempotencyKey) };
    return refusedBySlack('chat.postMessage', () => this.postTo(this.noticeClient, channel, message));
  }

  /** The notice as it now stands, in place: a decided activity without buttons, a live one with an assignee's. */
  async updateNotice(input: { message: PostedMessage; notice: ChatNotice }): Promise<void> {
    const { channel, ts } = addressOf(input.message);
    // Slack's DM channel ids start with D; everything else is a shared channel.
    const message = renderView(presentChatNotice(input.notice, this.options(channel.startsWith('D') ? 'person' : 'channel')));
    await refusedBySlack('chat.update', () => this.noticeClient.chat.update({ channel, ts, ...message }));
  }

  private options(audience: ChatNoticeOptions['audience']): ChatNoticeOptions {
    return { now: this.clock.now(), prefix: '/prov ', maxItems: SLACK_MAX_ITEMS, audience };
  }

  private async postTo(client: webApi.WebClient, channel: string, message: SlackMessage & { metadata?: ReturnType<typeof deliveryMetadata> }): Promise<PostedMessage> {
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
