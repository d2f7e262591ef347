import type { ReceivedMessage } from '../../fakes/smtp-test-server';
import { visibleText } from '../slack/slack-e2e-harness';
import { button } from '../slack/slack-order-harness';
import type { Posted } from '../slack/slack-order-harness';
import { cardText } from '../teams/teams-e2e-helpers';
import type { PostedCard } from './teams-driver';
import type { WorkflowBot } from './workflow-bot';
import type { Who } from './workflow-people';

export type Channel = 'slack' | 'teams' | 'email';
export type Decision = 'approve' | 'reject';

export interface Attempt {
  channel: Channel;
  who: Who;
  decision: Decision;
}

/** Where each approver was reached: their Slack DM, Teams card and Approval email. */
export interface Copies {
  slack: Partial<Record<Who, Posted>>;
  teams: Partial<Record<Who, PostedCard>>;
  email: Partial<Record<Who, ReceivedMessage>>;
}

/** What the person who tried saw: the decision taken, a refusal (with its words), or nothing yet. */
export type Answer = { attempt: Attempt; kind: 'decided' | 'refused' | 'silent'; text: string };

/** What a refusal says in every channel: who decided first (Slack and Teams: "Already approved by …"; email: "already decided"), or that the copy is out of date. */
export const REFUSAL = /nothing more to do here|already decided|out of date/i;

const must = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
};

/**
 * Fires one decision as its channel sends it, and resolves on the HTTP answer: for
 * Slack that is the ack, so `settle` reads later what the click was told on its
 * response_url.
 */
export async function fire(w: WorkflowBot, copies: Copies, a: Attempt): Promise<(slackReplies: () => Answer) | Answer> {
  if (a.channel === 'slack') {
    const dm = must(copies.slack[a.who], `Slack DM to ${a.who}`);
    const click = await w.slack.click(a.who, button(dm.call, `activity.${a.decision}`), dm);
    if (click.status !== 200) return { attempt: a, kind: 'refused', text: `HTTP ${click.status}` };
    return () => {
      const replies = w.slack.repliesTo(click.responseUrl);
      if (replies.length === 0) return { attempt: a, kind: 'silent', text: '' };
      return { attempt: a, kind: 'refused', text: replies.map((r) => visibleText(r)).join('\n') };
    };
  }
  if (a.channel === 'teams') {
    const res = await w.teams.press(a.who, must(copies.teams[a.who], `Teams card to ${a.who}`), `activity.${a.decision}`);
    const text = res.status === 200 && res.body?.value ? cardText(res.body.value) : `HTTP ${res.status}: ${JSON.stringify(res.body)}`;
    return { attempt: a, kind: res.status === 200 && !REFUSAL.test(text) ? 'decided' : 'refused', text };
  }
  const email = must(copies.email[a.who], `Approval email to ${a.who}`);
  const res = await w.email.confirm(w.email.link(email, a.decision === 'approve' ? 'Approve' : 'Decline'));
  return { attempt: a, kind: res.status === 200 ? 'decided' : 'refused', text: `HTTP ${res.status}: ${res.text}` };
}

/**
 * A Slack click that decided is told nothing (its copy is updated like every other);
 * one that was refused is told why on its response_url.
 */
export const asAnswer = (fired: Awaited<ReturnType<typeof fire>>): Answer => (typeof fired === 'function' ? fired() : fired);
