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

/** Reads what the person who tried has been told so far. */
export type Fired = () => Answer;

/**
 * Fires one decision as its channel sends it, and resolves on the HTTP answer. For
 * Slack that is the ack: a click that decided is told nothing (its copy is updated
 * like every other), one that was refused is told why on its response_url, later.
 */
export async function fire(w: WorkflowBot, copies: Copies, a: Attempt): Promise<Fired> {
  if (a.channel === 'slack') {
    const dm = must(copies.slack[a.who], `Slack DM to ${a.who}`);
    const click = await w.slack.click(a.who, button(dm.call, `activity.${a.decision}`), dm);
    if (click.status !== 200) return () => ({ attempt: a, kind: 'refused', text: `HTTP ${click.status}` });
    // Reject order asks for an optional reason in a modal: the decision reaches the core on its submission.
    if (a.decision === 'reject') {
      const submitted = await w.slack.submit(a.who, await w.slack.modalFor(click.triggerId), { 'reject-reason': '' });
      if (submitted.status !== 200) return () => ({ attempt: a, kind: 'refused', text: `HTTP ${submitted.status}` });
    }
    return () => {
      const replies = w.slack.repliesTo(click.responseUrl);
      if (replies.length === 0) return { attempt: a, kind: 'silent', text: '' };
      return { attempt: a, kind: 'refused', text: replies.map((r) => visibleText(r)).join('\n') };
    };
  }
  if (a.channel === 'teams') {
    const res = await w.teams.press(a.who, must(copies.teams[a.who], `Teams card to ${a.who}`), `activity.${a.decision}`);
    const text = res.status === 200 && res.body?.value ? cardText(res.body.value) : `HTTP ${res.status}: ${JSON.stringify(res.body)}`;
    const answer: Answer = { attempt: a, kind: res.status === 200 && !REFUSAL.test(text) ? 'decided' : 'refused', text };
    return () => answer;
  }
  const email = must(copies.email[a.who], `Approval email to ${a.who}`);
  const res = await w.email.confirm(w.email.link(email, a.decision === 'approve' ? 'Approve' : 'Reject order'));
  const answer: Answer = { attempt: a, kind: res.status === 200 ? 'decided' : 'refused', text: `HTTP ${res.status}: ${res.text}` };
  return () => answer;
}

/**
 * Makes "at once" exact: each decision, from whichever channel, is held where it
 * reaches the core (core.actOnActivity, which the Slack, Teams and email adapters look
 * up on the running bot's core at each call) until `count` have arrived, and then all
 * go on in the same tick. Without it the first click is usually decided before the
 * others arrive, and only the "already decided" check before the commit is exercised,
 * not the versioned commit that must let exactly one of racing steps through.
 * Releases anyway after `timeoutMs`, below Teams' 5 s for an invoke's answer.
 */
export function holdDecisionsUntil(core: { actOnActivity: (input: any) => Promise<any> }, count: number, timeoutMs = 3000) {
  const original = core.actOnActivity;
  let arrived = 0;
  let openedBy: 'all arrived' | 'timeout' | null = null;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const release = (why: 'all arrived' | 'timeout') => {
    openedBy ??= why;
    open();
  };
  const timer = setTimeout(() => release('timeout'), timeoutMs);
  core.actOnActivity = async (input) => {
    if (++arrived >= count) release('all arrived');
    await gate;
    return original(input);
  };
  return {
    /** Why the held decisions went on: all `count` arrived, or the timeout. */
    openedBy: () => openedBy,
    restore() {
      clearTimeout(timer);
      release('timeout');
      core.actOnActivity = original;
    },
  };
}
