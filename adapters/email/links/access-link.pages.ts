import { formatInstant } from '../templates/describe-request';
import type { AccessLinkPayload } from './link-signer';
import type { Page } from './link-page';
import { confirmForm, p, page } from './link-page';

export type { Page } from './link-page';

const verb = (d: AccessLinkPayload['decision']) => (d === 'approve' ? 'Approve' : 'Decline');

/**
 * GET shows this and decides nothing: mail scanners and link previews open every link
 * in a message, and must not approve a request by doing so. The form posts back to the
 * same URL, so the token never appears in the page body.
 */
export function confirmPage(link: AccessLinkPayload): Page {
  const from = link.requester ?? 'the requester';
  const as = link.approverName ? `${link.approverName} (${link.approverEmail})` : link.approverEmail;
  return page(
    200,
    `${verb(link.decision)} the request from ${from}?`,
    [
      link.action ? p(`${from} asks to ${link.action}.`) : '',
      p(`You are answering as ${as}, who placed the order.`),
      confirmForm(verb(link.decision), link.decision === 'decline'),
      p(`This link works until ${formatInstant(link.expiresAt)}. The first answer counts, in email, Slack or Teams.`, 'note'),
    ].join('\n'),
  );
}

export function decidedPage(status: 'Approved' | 'Declined', link: AccessLinkPayload, message?: string): Page {
  const who = link.requester ?? 'the requester';
  // The action may still have failed (say the organization was onboarded meanwhile); the
  // requester's notice says what happened, so this page does not claim success.
  const done =
    status === 'Approved'
      ? `provbot has acted on the request; ${who} will be told the result.`
      : `Nothing was changed; ${who} will be told.`;
  return page(200, `${status}.`, [p(done), message ? p(message) : ''].join('\n'));
}

/** A refusal from the decide callback: already decided (409), not allowed (403), gone (404). */
export function refusedPage(status: number, message: string): Page {
  const title =
    status === 409 ? 'Already decided' : status === 403 ? 'Not allowed' : status === 404 ? 'Request not found' : "That didn't work";
  return page(status, title, p(message));
}

export function expiredPage(): Page {
  return page(
    410,
    'This link has expired',
    p(
      'Links in access request emails work for a limited time. If the request also reached you in Slack or Teams, you can answer it there; otherwise ask the requester to ask again.',
    ),
  );
}

export function invalidLinkPage(): Page {
  return page(
    400,
    'This link is not valid',
    p('The link is incomplete or was changed. Open it again from the email, copying the whole address if needed.'),
  );
}

export function errorPage(status: number, ref?: string): Page {
  const text = ref
    ? `Something went wrong (ref ${ref}), so your answer may not have been recorded. Open the link again and press the button: if it was recorded, the page says so. Quote the ref if it keeps happening.`
    : 'This request could not be read. Open the link from the email again and press the button.';
  return page(status, 'Something went wrong', p(text));
}
