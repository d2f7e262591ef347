import type { webApi } from '@slack/bolt';
import type { ChatTo, Logger, OrderSummaryNotice } from '../../core/index';
import { renderOrderSummaryPdf } from '../pdf/order-summary.pdf';
import { orderSummaryFileName, presentOrderSummaryNotice } from '../presenters/present-setup-notices';
import { renderView } from './blocks/view.blocks';
import { missingScope, missingScopeView } from './missing-scope';
import { refusedBySlack, slackRefusal } from './slack-delivery-errors';

/**
 * A completed setup's order summary PDF, uploaded into the submitter's direct chat as
 * `customer summary` does in a channel: files.uploadV2 wraps files.getUploadURLExternal,
 * the upload, and files.completeUploadExternal
 * (https://docs.slack.dev/reference/methods/files.completeUploadExternal). That last call
 * wants a conversation id, not a user id, so a person's DM is opened first
 * (conversations.open answers with the existing DM when there is one). Slack stores no
 * delivery key with a file, so an upload in doubt cannot be looked for: a retry after a
 * lost answer may post the PDF twice.
 */
export async function uploadOrderSummary(client: webApi.WebClient, to: ChatTo, notice: OrderSummaryNotice, log: Logger): Promise<void> {
  const channel = to.kind === 'user' ? await directChannel(client, to.platformUserId) : to.address;
  const pdf = await renderOrderSummaryPdf(notice.summary);
  const view = presentOrderSummaryNotice(notice);
  try {
    await client.filesUploadV2({
      channel_id: channel,
      file: pdf,
      filename: orderSummaryFileName(notice.summary.customerName),
      title: view.title,
      initial_comment: renderView(view).text,
    });
  } catch (err) {
    const scope = missingScope(err, 'files:write');
    if (!scope) throw slackRefusal(err, 'files.uploadV2');
    await tellMissingScope(client, channel, notice, scope, log);
  }
}

/**
 * files.uploadV2 needs the files:write scope (https://docs.slack.dev/reference/methods/files.getUploadURLExternal).
 * Without it no retry helps until an admin reinstalls the app, so instead of a delivery
 * retried until it is given up on, the reader gets the summary's news in words with the
 * fix, and the command that posts the PDF once the app is fixed.
 */
async function tellMissingScope(client: webApi.WebClient, channel: string, notice: OrderSummaryNotice, scope: string, log: Logger) {
  const name = notice.summary.customerName;
  log.warn({ scope, method: 'files.uploadV2' }, 'slack: the app lacks a scope; reinstall it from manifest/slack');
  const view = missingScopeView(`attach the order summary PDF for ${name}`, scope, `then "/prov customer summary ${name}" posts it.`);
  await refusedBySlack('chat.postMessage', () => client.chat.postMessage({ channel, ...renderView(view) }));
}

async function directChannel(client: webApi.WebClient, userId: string): Promise<string> {
  const res = await refusedBySlack('conversations.open', () => client.conversations.open({ users: userId }));
  const id = res.channel?.id;
  if (!id) throw new Error('conversations.open answered without a channel');
  return id;
}
