import type { ActivityActed, ActivityView } from '../../../core/index';
import { formatInstant } from '../templates/describe-request';
import { describeDecision, describeState, describeSubscriber, describeWorkOrder, orderRows } from '../templates/describe-work-order';
import type { Page } from './link-page';
import { confirmForm, p, page, table, textAreaField } from './link-page';
import type { ActivityLinkPayload } from './link-signer';

/**
 * The pages behind the Approve and Reject order links of an approval email. Each shows the
 * order as it is now (read through the core), so the approver decides on what is
 * true, not on what the email said.
 */
const CHAT = 'In Slack (/prov activities) or Microsoft Teams (send "activities" to provbot) you can see your activities as they are now.';

const verb = (d: ActivityLinkPayload['decision']) => (d === 'approve' ? 'Approve' : 'Reject');

/** The form field of a rejection's reason: it reaches the subscriber's email ("Reason given: …"). */
export const REASON_FIELD = 'reason';
const reasonField = () => textAreaField(REASON_FIELD, 'Reason (optional; the subscriber sees it in their email)', MAX_REASON);
/** As the core checks it (MAX_DECISION_NOTE). */
const MAX_REASON = 1000;

/** GET: the question and the button. Mail scanners open every link; only the POST decides. */
export function confirmActivityPage(link: ActivityLinkPayload, view: ActivityView, actingAs: string): Page {
  const { order, subscriber } = view;
  return page(
    200,
    `${verb(link.decision)} order ${order.number}?`,
    [
      p(`${describeWorkOrder(order)} for ${describeSubscriber(subscriber, order.subscriberLogin)}.`),
      table(orderRows(order, subscriber)),
      // "If an order is rejected, the order status is set to Cancel in the subscriber
      // record, and no provisioning is performed" (Approving Orders).
      p(
        link.decision === 'approve'
          ? 'Approving releases the order for provisioning; the subscriber is told by email once it is done.'
          : 'Rejecting cancels the order: nothing is provisioned, and the subscriber is told by email, with your reason if you give one.',
      ),
      p(`You are answering as ${actingAs}.`),
      link.decision === 'reject' ? confirmForm('Reject order', true, [reasonField()]) : confirmForm('Approve', false),
      p(`This link works until ${formatInstant(link.expiresAt)}. The first answer counts, in email, Slack or Teams.`, 'note'),
    ].join('\n'),
  );
}

/** The activity is over: "Approved by … at …", and no button. */
export function decidedActivityPage(status: number, view: ActivityView): Page {
  const { activity, order, subscriber } = view;
  return page(
    status,
    `Order ${order.number}: already decided`,
    [p(`${describeDecision(activity)}.`), p('Nothing was changed by this link.'), table(orderRows(order, subscriber))].join('\n'),
  );
}

/** The order changed after the email was built: its links no longer act. */
export function staleActivityPage(status: number, view: ActivityView): Page {
  const { order, subscriber } = view;
  return page(
    status,
    'This email is out of date',
    [
      p(`Order ${order.number} changed after this email was sent, so its links no longer act on it. Nothing was changed.`),
      p(`It is now ${describeState(order)}:`),
      table(orderRows(order, subscriber)),
      p(CHAT, 'note'),
    ].join('\n'),
  );
}

/** The core would refuse this decision for this person (not theirs, or not in a state to decide). */
export function notAllowedActivityPage(status: number, link: ActivityLinkPayload, view: ActivityView): Page {
  const { order, subscriber } = view;
  return page(
    status,
    `You can't ${verb(link.decision).toLowerCase()} order ${order.number} now`,
    [
      p(
        `This approval is ${view.activity.status === 'Accepted' && view.activity.acceptedBy ? `accepted by ${view.activity.acceptedBy.name}` : view.activity.status.toLowerCase()}, and not yours to decide by this link. Nothing was changed.`,
      ),
      table(orderRows(order, subscriber)),
      p(CHAT, 'note'),
    ].join('\n'),
  );
}

/** POST succeeded: what the decision did. */
export function actedPage(link: ActivityLinkPayload, acted: ActivityActed): Page {
  const { order } = acted;
  const done =
    link.decision === 'approve'
      ? `You approved order ${order.number}. It is now ${describeState(order)}.`
      : `You rejected order ${order.number}: it is cancelled, and nothing will be provisioned.`;
  const next = acted.opened.map((a) => `Next: ${a.kind.toLowerCase()}, now waiting for its assignee.`);
  return page(
    200,
    link.decision === 'approve' ? 'Approved' : 'Rejected',
    [p(done), ...next.map((n) => p(n)), p('The subscriber is told by email.', 'note')].join('\n'),
  );
}

/** A refusal from the core in its own words (presenters' USER_MESSAGES). */
export function refusedActivityPage(status: number, message: string): Page {
  const title =
    status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : status === 409 ? 'Already decided or changed' : "That didn't work";
  return page(status, title, [p(`${message} Nothing was changed.`), p(CHAT, 'note')].join('\n'));
}

export function expiredActivityPage(): Page {
  return page(
    410,
    'This link has expired',
    [
      p('Approval links in email work for 72 hours. Nothing was changed.'),
      p(`If the order still waits for approval, answer it in chat. ${CHAT}`),
    ].join('\n'),
  );
}
