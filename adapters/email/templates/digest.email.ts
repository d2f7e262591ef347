import type { ActivityMessage, DigestNotice } from '../../../core/index';
import { EVENT_LABEL } from '../../../core/index';
import { formatInstant } from './describe-request';
import type { ActivityLinks } from './describe-notice';
import { ACTIVITY_NOUN, countOf } from '../../presenters/activity-words';
import { describeAssignee, WHERE_TO_ACT } from './describe-notice';
import { describeDecision, describeSubscriber, describeWorkOrder, isActivityClosed } from './describe-work-order';
import type { Block, EmailContent } from './email-layout';
import { buttons, composeEmail, fields, note, paragraph } from './email-layout';

export interface DigestEmailInput {
  notice: DigestNotice;
  to: string;
  /** This recipient's signed links for one open approval; null for everything else (and for external addresses). */
  linksFor: (item: ActivityMessage) => ActivityLinks | null;
}

/**
 * "During this time, if other related events occur, an aggregated notification with
 * details of all such events is sent in a single email" (Configuring a Domain
 * Notification Template, Step 6): every item of the window, oldest first. Items decided
 * since are listed with their outcome and no links.
 */
export function digestEmail(input: DigestEmailInput): EmailContent {
  const { notice } = input;
  const noun = ACTIVITY_NOUN[notice.eventType];
  const open = notice.items.filter((m) => !isActivityClosed(m.activity)).length;
  const decided = notice.items.length - open;
  const subject =
    open > 0 ? `${countOf(open, noun)} waiting in ${notice.domain}` : `No ${noun[1]} waiting in ${notice.domain} (${decided} decided)`;
  const itemLinks = notice.items.map((m) => (isActivityClosed(m.activity) ? null : input.linksFor(m)));
  const expiries = itemLinks.flatMap((l) => (l ? [l.expiresAt.getTime()] : []));
  const blocks: Block[] = [
    paragraph('Hello,'),
    paragraph(
      `${EVENT_LABEL[notice.eventType]} in ${notice.domain}: ${countOf(notice.items.length, noun)} since the last notice`,
      decided > 0 ? `, ${decided} of them already decided.` : '.',
      ` The ${notice.group} notification group of ${notice.domain} collects them into one email.`,
    ),
    ...notice.items.flatMap((item, i) => itemBlocks(item, i + 1, itemLinks[i] ?? null, input.to)),
    expiries.length > 0
      ? note(
          'Each link opens a page that asks you to confirm; nothing happens until you press its button. ',
          `The links work until ${formatInstant(new Date(Math.min(...expiries)))}, and only while the order is as described here. `,
          `You can also answer ${WHERE_TO_ACT}: the first answer counts.`,
        )
      : note(`Act on them ${WHERE_TO_ACT}. This email has no links to act on.`),
  ];
  return composeEmail(subject, blocks);
}

function itemBlocks(
  { activity, order, subscriber, assigneeName }: ActivityMessage,
  n: number,
  links: ActivityLinks | null,
  to: string,
): Block[] {
  const closed = isActivityClosed(activity);
  return [
    paragraph(`${n}. Order ${order.number}: ${describeWorkOrder(order)}`),
    fields([
      ['Subscriber', describeSubscriber(subscriber, order.subscriberLogin)],
      ['Kind', `${activity.kind} (${order.kind} order)`],
      ['Requested date', order.requestedDeliveryDate ?? 'none'],
      ['Waiting since', formatInstant(activity.createdAt)],
      closed ? ['Outcome', describeDecision(activity)] : ['Assigned to', describeAssignee(activity, to, assigneeName)],
    ]),
    ...(links
      ? [
          buttons([
            { label: `Approve ${order.number}`, href: links.approveUrl },
            { label: `Decline ${order.number}`, href: links.declineUrl },
          ]),
        ]
      : []),
  ];
}
