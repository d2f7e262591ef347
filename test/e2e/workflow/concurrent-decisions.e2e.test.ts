import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeOn, postgresTarget, sqliteTarget } from '../../integration/db/test-databases';
import { visibleText } from '../slack/slack-e2e-harness';
import { buttonsIn } from '../slack/slack-order-harness';
import { cardOf, cardText, verbsOf } from '../teams/teams-e2e-helpers';
import { postApproval, raceOnFreshApproval } from './approval-race';
import type { RecordedCommit } from './commit-recorder';
import { REFUSAL } from './decision-attempts';
import type { Attempt } from './decision-attempts';
import { startWorkflowBot } from './workflow-bot';
import type { WorkflowBot } from './workflow-bot';
import { APPROVE_THEN_ASSIGN, JANE, PEOPLE } from './workflow-people';

/**
 * "First decision wins whichever channel": twenty decisions on one Approval, fired at
 * once from every channel it was sent to (Slack buttons in Ann's and Abe's DMs, Tom's
 * Teams card, the Approve and Decline links emailed to all three), approving and
 * rejecting. Exactly one may stand; the others are refused and change nothing; every
 * copy ends up showing the one that stood. On SQLite (one writer at a time) and on
 * PostgreSQL (row locks, a connection pool), each in a fresh database.
 * "At once" is made exact by holding each decision where it reaches the core until
 * all twenty have (holdDecisionsUntil), and the work-order commits are recorded, so
 * the test shows the decisions met at the versioned commit, where only one can win.
 * Each test races on an order of its own (raceOnFreshApproval), so they pass in any order.
 */
const commits = vi.hoisted(() => [] as RecordedCommit[]);
vi.mock('../../../adapters/db/create-database', async (importOriginal) =>
  (await import('./commit-recorder')).recordingCommits(await importOriginal(), commits),
);

const [S, T, E] = ['slack', 'teams', 'email'] as const;
const ATTEMPTS: Attempt[] = (
  [
    [S, 'ann', 'approve'],
    [T, 'tom', 'reject'],
    [E, 'abe', 'approve'],
    [S, 'abe', 'reject'],
    [T, 'tom', 'approve'],
    [E, 'ann', 'reject'],
    [S, 'ann', 'reject'],
    [T, 'tom', 'approve'],
    [E, 'tom', 'approve'],
    [S, 'abe', 'approve'],
    [T, 'tom', 'reject'],
    [E, 'abe', 'reject'],
    [S, 'ann', 'approve'],
    [T, 'tom', 'reject'],
    [E, 'tom', 'reject'],
    [S, 'abe', 'reject'],
    [T, 'tom', 'approve'],
    [E, 'ann', 'approve'],
    [S, 'ann', 'reject'],
    [E, 'abe', 'approve'],
  ] as const
).map(([channel, who, decision]) => ({ channel, who, decision }));

for (const target of [sqliteTarget, postgresTarget]) {
  describeOn(target, 'twenty simultaneous decisions on one Approval from Slack, Teams and email', () => {
    let w: WorkflowBot;

    beforeAll(async () => {
      // The gate holds each click until all twenty have arrived (up to 3 s), which leaves a loaded
      // machine little of the 4 s a Teams click has before it is answered with a "working" card.
      // This race is about which decision stands; the late answer has its own test (slow-decision).
      w = await startWorkflowBot({ rules: APPROVE_THEN_ASSIGN, database: target, teamsInvokeBudgetMs: 30_000 });
    });
    afterAll(() => w?.stop());

    const race = () => raceOnFreshApproval(w, ATTEMPTS, commits);

    it('posts the Approval to Ann and Abe on Slack and to Tom on Teams, and emails each of them Approve and Decline links', async () => {
      const { number, copies, before } = await postApproval(w);
      expect(Object.keys(copies.slack)).toEqual(['ann', 'abe']);
      expect(copies.teams.tom).toBeDefined();
      expect(Object.keys(copies.email)).toEqual(['ann', 'abe', 'tom']);
      expect(before.order).toMatchObject({ number, state: 'Released', extendedStatus: 'Waiting for Approval' });
      expect(before.activities).toEqual([expect.objectContaining({ kind: 'Approval', status: 'Open' })]);
    });

    it('lets exactly one of twenty decisions fired at once stand: the Approval is decided once, by one person, and the order moved one version', async () => {
      const { before, after, answers, winner, decidedBy, openedBy, tried } = await race();
      expect(openedBy).toBe('all arrived');
      expect(answers.filter((a) => a.kind !== 'refused').map((a) => a.attempt)).toEqual([winner.attempt]);
      expect(after.activities[0]).toMatchObject({
        kind: 'Approval',
        status: winner.attempt.decision === 'approve' ? 'Done' : 'Rejected',
        version: before.activities[0]!.version + 1,
      });
      expect(decidedBy).toMatchObject({
        name: PEOPLE[winner.attempt.who].name,
        email: PEOPLE[winner.attempt.who].email,
        channel: winner.attempt.channel,
      });
      expect(after.order.version).toBe(before.order.version + 1);
      // They met at the database: of the steps that reached the versioned commit, one was written.
      expect(tried.filter((c) => c.written)).toHaveLength(1);
      expect(tried.every((c) => c.fromVersion === before.order.version)).toBe(true);
      expect(tried.filter((c) => !c.written).length).toBeGreaterThan(0);
      if (winner.attempt.decision === 'approve') {
        expect(after.order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Assignment' });
        expect(after.activities.map((a) => [a.kind, a.status])).toEqual([
          ['Approval', 'Done'],
          ['Assignment', 'Open'],
        ]);
      } else {
        expect(after.order).toMatchObject({ state: 'Cancelled' });
        expect(after.activities.map((a) => [a.kind, a.status])).toEqual([['Approval', 'Rejected']]);
      }
    });

    it('refuses the nineteen others, telling each that it was already decided (or out of date) and by whom', async () => {
      const { answers, stood, decidedBy } = await race();
      const refused = answers.filter((a) => a.kind === 'refused');
      expect(refused).toHaveLength(ATTEMPTS.length - 1);
      const decision = new RegExp(`${stood.verb} by ${decidedBy.name}`, 'i');
      for (const r of refused) {
        expect(r.text, `${r.attempt.channel} ${r.attempt.who} ${r.attempt.decision}`).toMatch(REFUSAL);
        expect(r.text, `${r.attempt.channel} ${r.attempt.who} ${r.attempt.decision}`).toMatch(decision);
        if (r.attempt.channel === 'email') expect(r.text).toMatch(/^HTTP 409: /);
      }
    });

    it('changed nothing beyond the one decision: the next step is announced once, or the subscriber told of the rejection once', async () => {
      const { number, after, answers, winner, stood } = await race();
      if (stood.decision === 'approve') {
        await w.slack.dm('al', new RegExp(`^Assignment needed: ${number}`));
        await w.teams.cardTo('sam', number, 'Assignment');
        for (const who of ['al', 'sam'] as const) await w.email.waitFor(PEOPLE[who].email, number);
      } else {
        await w.email.waitFor(JANE.email, `Order ${number} was rejected`);
      }
      const approved = stood.decision === 'approve' ? 1 : 0;
      expect(w.slack.dmsTo('al').filter((m) => m.text.includes(number))).toHaveLength(approved);
      expect(w.teams.cardsTo('sam', number, 'Assignment')).toHaveLength(approved);
      expect(w.email.to(PEOPLE.al.email, number)).toHaveLength(approved);
      expect(w.email.to(JANE.email, number)).toHaveLength(1 - approved);
      // Each approver was reached once per channel, and nothing was posted to them again.
      expect([w.slack.dmsTo('ann'), w.slack.dmsTo('abe')].map((l) => l.filter((m) => m.text.includes(number)).length)).toEqual([1, 1]);
      expect(w.teams.cardsTo('tom', number, 'Approval')).toHaveLength(1);
      expect(await w.workOrder(number)).toEqual(after);
      // The Slack click that decided was told nothing beyond the update of its copy.
      if (winner.attempt.channel === 'slack') expect(answers.filter((a) => a.kind === 'silent')).toHaveLength(1);
    });

    it('updates every chat copy in place to the decision that stood, with no buttons left', async () => {
      const { copies, stood, decidedBy } = await race();
      const decision = new RegExp(`${stood.verb} by ${decidedBy.name} at `, 'i');
      for (const who of ['ann', 'abe'] as const) {
        const last = (await w.slack.updated(copies.slack[who]!)).at(-1)!;
        expect(visibleText(last.args)).toMatch(decision);
        expect(buttonsIn(last)).toEqual([]);
      }
      const card = cardOf((await w.teams.updated(copies.teams.tom!)).at(-1)!);
      expect(cardText(card)).toMatch(decision);
      expect(verbsOf(card)).toEqual([]);
      expect(card.refresh).toBeUndefined();
    });

    it('answers every emailed link with "already decided" now, on opening and on confirming, and changes nothing', async () => {
      const { number, copies, after, stood, decidedBy } = await race();
      const decision = new RegExp(`${stood.verb} by ${decidedBy.name} at `, 'i');
      for (const who of ['ann', 'abe', 'tom'] as const) {
        for (const label of ['Approve', 'Reject order'] as const) {
          const link = w.email.link(copies.email[who]!, label);
          const opened = await w.email.open(link);
          expect(opened.status).toBe(200);
          expect(opened.text).toContain(`Order ${number}: already decided`);
          expect(opened.text).toMatch(decision);
          expect(opened.text).not.toContain('<form');
          const confirmed = await w.email.confirm(link);
          expect(confirmed.status).toBe(409);
          expect(confirmed.text).toContain('Nothing was changed by this link.');
        }
      }
      expect(await w.workOrder(number)).toEqual(after);
    });
  });
}
