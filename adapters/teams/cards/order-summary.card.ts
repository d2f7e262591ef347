import type { OrderSummaryNotice } from '../../../core/index';
import { presentOrderSummaryNotice } from '../../presenters/present-setup-notices';
import type { View } from '../../presenters/view';
import { cardMessage, renderViewCard } from './view.card';

/**
 * The order summary in Teams: a bot sends a file in a personal chat only through a file
 * consent card (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4),
 * so the card opens the PDF the bot serves behind a signed, expiring link instead.
 */
export function orderSummaryMessage(notice: OrderSummaryNotice, url: string | null) {
  const view = presentOrderSummaryNotice(notice);
  return pdfLinkMessage({ ...view, paragraphs: [view.paragraphs[0]!.replace(' The order summary is attached as a PDF.', '')] }, url);
}

/**
 * A view with a button opening the PDF (`customer summary` answers with it too). Null
 * `url`: the bot has no link signer, and the card says where else to get it.
 */
export function pdfLinkMessage(view: View, url: string | null) {
  const how = url
    ? 'Open the order summary PDF with the button below; the link works for 7 days, then ask again with customer summary.'
    : 'The order summary PDF cannot be linked here: ask for it with customer summary in Slack or by the API.';
  const card = renderViewCard({ ...view, paragraphs: [...view.paragraphs, how] });
  if (url) card.actions = [...(card.actions ?? []), { type: 'Action.OpenUrl', title: 'Open the order summary (PDF)', url }];
  return cardMessage(card, view.title);
}
