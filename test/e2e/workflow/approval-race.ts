import type { RecordedCommit } from './commit-recorder';
import { fire, holdDecisionsUntil } from './decision-attempts';
import type { Answer, Attempt, Copies, Decision } from './decision-attempts';
import { eventually } from './workflow-bot';
import type { WorkflowBot, WorkOrderDetails } from './workflow-bot';
import { JANE, PEOPLE } from './workflow-people';

/** How long the work after twenty answers may take to settle: generous, as a loaded CI machine needs; a pass does not wait for it. */
const SETTLE_MS = 15_000;

/** A new Phone order for Jane, its Approval posted to Ann and Abe (Slack), Tom (Teams) and all three by email. */
export interface PostedApproval {
  number: string;
  copies: Copies;
  before: WorkOrderDetails;
}

/** The outcome of one race of decisions on one Approval, as its tests read it. */
export interface ApprovalRace extends PostedApproval {
  after: WorkOrderDetails;
  answers: Answer[];
  winner: Answer;
  /** The decision that stood, and its past-tense verb as messages say it. */
  stood: { verb: 'approved' | 'rejected'; decision: Decision };
  decidedBy: { name: string; email: string; channel: string };
  /** Why the held decisions went on: 'all arrived' when they really met. */
  openedBy: string | null;
  /** The work-order commits tried for this order while racing (from the first decision until it was decided). */
  tried: RecordedCommit[];
}

/** Places the order and waits until every copy of its Approval has reached its person. */
export async function postApproval(w: WorkflowBot): Promise<PostedApproval> {
  const placed = await w.bot.api('POST', '/api/work-orders', {
    subscriberLogin: JANE.login,
    orderable: 'Phone',
    attributes: { Phone: { phoneType: '7945' } },
  });
  if (placed.status !== 201) throw new Error(`placing the order: HTTP ${placed.status} ${JSON.stringify(placed.body)}`);
  const number: string = placed.body.order.number;
  const copies: Copies = { slack: {}, teams: {}, email: {} };
  for (const who of ['ann', 'abe'] as const) copies.slack[who] = await w.slack.dm(who, new RegExp(`^Approval needed: ${number}`));
  copies.teams.tom = await w.teams.cardTo('tom', number, 'Approval');
  for (const who of ['ann', 'abe', 'tom'] as const)
    copies.email[who] = await w.email.waitFor(PEOPLE[who].email, `Approval needed: order ${number}`);
  return { number, copies, before: await w.workOrder(number) };
}

/**
 * Posts a fresh Approval and fires every attempt at it at once (held where they reach
 * the core until all have arrived), then waits until the Approval is decided and every
 * refused Slack click has been told why (a Slack click is answered after its ack).
 */
export async function raceOnFreshApproval(w: WorkflowBot, attempts: Attempt[], commits: RecordedCommit[]): Promise<ApprovalRace> {
  const posted = await postApproval(w);
  const { number, copies } = posted;
  // Only the commits made while racing: the placing commit came before, and both databases' bots number orders alike.
  const firstCommit = commits.length;
  const gate = holdDecisionsUntil(w.bot.core, attempts.length);
  const fired = await Promise.all(attempts.map((a) => fire(w, copies, a))).finally(() => gate.restore());
  const after = await eventually(
    async () => {
      const now = await w.workOrder(number);
      return now.activities[0]!.status !== 'Open' && now;
    },
    `the Approval of ${number} is decided`,
    SETTLE_MS,
  );
  const decidedBy = after.activities[0]!.decidedBy as ApprovalRace['decidedBy'];
  const slackRefusals = attempts.filter((a) => a.channel === 'slack').length - (decidedBy.channel === 'slack' ? 1 : 0);
  const answers = await eventually(
    async () => {
      const now = fired.map((read) => read());
      return now.filter((a) => a.attempt.channel === 'slack' && a.kind === 'refused').length >= slackRefusals && now;
    },
    `${slackRefusals} refused Slack clicks are told why`,
    SETTLE_MS,
  );
  const decided = answers.filter((a) => a.kind !== 'refused');
  if (decided.length !== 1) throw new Error(`expected one decision to stand, got ${decided.length}: ${JSON.stringify(decided)}`);
  const approved = after.activities[0]!.status === 'Done';
  return {
    ...posted,
    after,
    answers,
    winner: decided[0]!,
    stood: approved ? { verb: 'approved', decision: 'approve' } : { verb: 'rejected', decision: 'reject' },
    decidedBy,
    openedBy: gate.openedBy(),
    tried: commits.slice(firstCommit).filter((c) => c.orderNumber === number),
  };
}
