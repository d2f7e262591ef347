import type { webApi } from '@slack/bolt';
import type { ChatTo, OrderSummaryNotice } from '../../core/index';
import { renderOrderSummaryPdf } from '../pdf/order-summary.pdf';
import { orderSummaryFileName, presentOrderSummaryNotice } from '../presenters/present-setup-notices';
import { renderView } from './blocks/view.blocks';
import { refusedBySlack } from './slack-delivery-errors';

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
export async function uploadOrderSummary(client: webApi.WebClient, to: ChatTo, notice: OrderSummaryNotice): Promise<void> {
  const channel = to.kind === 'user' ? await directChannel(client, to.platformUserId) : to.address;
  const pdf = await renderOrderSummaryPdf(notice.summary);
  const view = presentOrderSummaryNotice(notice);
  await refusedBySlack('files.uploadV2', () =>
    client.filesUploadV2({
      channel_id: channel,
      file: pdf,
      filename: orderSummaryFileName(notice.summary.customerName),
      title: view.title,
      initial_comment: renderView(view).text,
    }),
  );
}

async function directChannel(client: webApi.WebClient, userId: string): Promise<string> {
  const res = await refusedBySlack('conversations.open', () => client.conversations.open({ users: userId }));
  const id = res.channel?.id;
  if (!id) throw new Error('conversations.open answered without a channel');
  return id;
}
