import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../slack/slack-e2e-harness';
import { button, buttonsIn } from '../slack/slack-order-harness';
import type { Posted } from '../slack/slack-order-harness';
import { cardOf, cardText, verbsOf } from '../teams/teams-e2e-helpers';
import type { PostedCard } from './teams-driver';
import { dayFrom } from '../../fakes/test-dates';
import { eventually, startWorkflowBot } from './workflow-bot';
import type { WorkflowBot } from './workflow-bot';
import { APPROVE_THEN_ASSIGN, JANE, PEOPLE } from './workflow-people';

/**
 * One order through every channel of one running bot: placed in Slack, approved in
 * Teams, assigned in Slack, and the subscriber told by email. Each step is taken where
 * its person is, and each copy of each activity, whichever channel it was posted to,
 * ends up showing the decision ("first decision wins whichever channel; every other
 * copy is updated in place").
 */
let w: WorkflowBot;
beforeAll(async () => {
  w = await startWorkflowBot({ rules: APPROVE_THEN_ASSIGN });
});
afterAll(() => w?.stop());

const MAC = '00aabbccddee';

type Approval = { ann: Posted; abe: Posted; tom: PostedCard };
type Assignment = { al: Posted; sam: PostedCard };

/** Olga places an order from the Slack order modal; its number and the Approval's copies to Ann, Abe (Slack) and Tom (Teams). */
async function placeInSlack(): Promise<{ number: string; approval: Approval }> {
  const modals = w.slack.modalsOpened();
  const seen = w.slack.dmsTo('olga').length;
  expect(await w.slack.command('olga', 'order')).toMatchObject({ status: 200, body: null });
  const form = await w.slack.nextModal(modals);
  expect(form).toMatchObject({ type: 'modal', callback_id: 'order.form' });
  const typed = {
    subscriberLogin: JANE.login,
    orderable: { option: 'Phone' },
    phoneType: { option: '7945' },
    requestedDeliveryDate: { date: dayFrom(w.bot.clock, 7) },
  };
  expect(await w.slack.submit('olga', form, typed)).toEqual({ status: 200, body: null });
  const placed = await w.slack.dm('olga', /^Order WO-\d{6} placed/, seen);
  const number = /WO-\d{6}/.exec(placed.text)![0];
  const approval = {
    ann: await w.slack.dm('ann', new RegExp(`^Approval needed: ${number}`)),
    abe: await w.slack.dm('abe', new RegExp(`^Approval needed: ${number}`)),
    tom: await w.teams.cardTo('tom', number, 'Approval'),
  };
  return { number, approval };
}

/** Tom approves on his Teams card; the answer he sees and the Assignment's copies to Al (Slack) and Sam (Teams). */
async function approveInTeams(number: string, approval: Approval) {
  const res = await w.teams.press('tom', approval.tom, 'activity.approve');
  const assignment: Assignment = {
    al: await w.slack.dm('al', new RegExp(`^Assignment needed: ${number}`)),
    sam: await w.teams.cardTo('sam', number, 'Assignment'),
  };
  return { res, assignment };
}

/** Al completes the Assignment from his Slack DM through the MAC address modal; resolves once the order has left Released. */
async function completeInSlack(number: string, assignment: Assignment) {
  const modals = w.slack.modalsOpened();
  expect((await w.slack.click('al', button(assignment.al.call, 'activity.complete'), assignment.al)).status).toBe(200);
  const modal = await w.slack.nextModal(modals);
  expect(modal).toMatchObject({ callback_id: 'activity.input', submit: { text: 'Step Complete' } });
  expect(await w.slack.submit('al', modal, { 'mac-address': MAC })).toEqual({ status: 200, body: null });
  return eventually(async () => {
    const details = await w.workOrder(number);
    return details.order.state !== 'Released' && details;
  }, `order ${number} leaves Released`);
}

/** One order taken all the way: placed in Slack, approved in Teams, completed in Slack. */
async function runWholeOrder() {
  const { number, approval } = await placeInSlack();
  const { assignment } = await approveInTeams(number, approval);
  const done = await completeInSlack(number, assignment);
  return { number, approval, assignment, done };
}

describe('one order placed in Slack, approved in Teams, assigned in Slack, told by email', () => {
  it('places the order from the Slack order modal, and posts the Approval to Tom on Teams, Ann and Abe on Slack, and to all three by email', async () => {
    const { number, approval } = await placeInSlack();
    const { order, activities } = await w.workOrder(number);
    expect(order).toMatchObject({
      state: 'Released',
      extendedStatus: 'Waiting for Approval',
      author: { name: PEOPLE.olga.name, channel: 'slack' },
    });
    expect(activities).toEqual([
      expect.objectContaining({ kind: 'Approval', status: 'Open', assignee: { kind: 'group', role: 'Approval' } }),
    ]);

    expect(buttonsIn(approval.ann.call).map((b) => b.action_id)).toEqual([
      'activity.approve',
      'activity.reject',
      'activity.accept',
      'activity.delegate',
    ]);
    expect(verbsOf(approval.tom.card)).toEqual(['activity.approve', 'activity.reject', 'activity.accept', 'activity.delegate']);
    expect(cardText(approval.tom.card)).toContain('Jane Doe');
    for (const who of ['ann', 'abe', 'tom'] as const) {
      const mail = await w.email.waitFor(PEOPLE[who].email, number);
      expect(mail.headers.subject).toBe(`Approval needed: order ${number} (Add Phone for Jane Doe (jdoe))`);
      expect(w.email.link(mail, 'Approve')).toMatch(/\/links\/activity\//);
    }
    // Nobody outside the Approval group is asked.
    expect(w.slack.dmsTo('al').filter((m) => m.text.includes(number))).toEqual([]);
    expect(w.teams.cardsTo('sam', number, 'Approval')).toEqual([]);
  });

  it('approves on Tom’s Teams card: he sees it approved, every copy of the Approval is updated in place, and the Assignment goes to Al on Slack and Sam on Teams', async () => {
    const { number, approval } = await placeInSlack();
    const { res, assignment } = await approveInTeams(number, approval);
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toMatch(/^Approved by Tom Approver at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(verbsOf(res.body.value)).toEqual([]);

    const { order, activities } = await w.workOrder(number);
    expect(order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Assignment' });
    expect(activities[0]).toMatchObject({ kind: 'Approval', status: 'Done', decidedBy: { name: 'Tom Approver', channel: 'teams' } });

    for (const dm of [approval.ann, approval.abe]) {
      const last = (await w.slack.updated(dm)).at(-1)!;
      expect(visibleText(last.args)).toMatch(/Approved by Tom Approver at /);
      expect(buttonsIn(last)).toEqual([]);
    }
    const put = cardOf((await w.teams.updated(approval.tom)).at(-1)!);
    expect(cardText(put)).toMatch(/^Approved by Tom Approver at /);
    expect(put.actions).toBeUndefined();
    expect(put.refresh).toBeUndefined();

    expect(buttonsIn(assignment.al.call).map((b) => b.action_id)).toEqual(['activity.complete', 'activity.accept', 'activity.delegate']);
    expect(verbsOf(assignment.sam.card)).toEqual(['activity.complete', 'activity.accept', 'activity.delegate']);
    for (const who of ['al', 'sam'] as const)
      expect((await w.email.waitFor(PEOPLE[who].email, number)).headers.subject).toMatch(/^Assignment needed: order /);
  });

  it('completes the Assignment from Al’s Slack DM through the MAC address modal, and the order is provisioned: Completed, with the MAC address', async () => {
    const { done } = await runWholeOrder();
    expect(done.order).toMatchObject({ state: 'Completed', extendedStatus: null });
    expect(JSON.stringify(done.order.items)).toContain(MAC.toUpperCase());
    expect(done.activities).toEqual([
      expect.objectContaining({
        kind: 'Approval',
        status: 'Done',
        decidedBy: expect.objectContaining({ name: 'Tom Approver', channel: 'teams' }),
      }),
      expect.objectContaining({
        kind: 'Assignment',
        status: 'Done',
        macAddress: MAC.toUpperCase(),
        decidedBy: expect.objectContaining({ name: 'Al Assigner', channel: 'slack' }),
      }),
    ]);
  });

  it('emails Jane, the subscriber, the provisioned template', async () => {
    const { number } = await runWholeOrder();
    const mail = await w.email.waitFor(JANE.email, number);
    expect(mail.headers.subject).toBe(`Order ${number} is complete: Add Phone`);
    expect(mail.headers['x-provbot-kind']).toBe('order-provisioned');
    expect(mail.text).toContain(`Order ${number} (Add Phone) is complete.`);
    expect(w.email.to(JANE.email, number)).toHaveLength(1);
  });

  it('leaves every posted copy of both activities, in Slack and in Teams, showing its decision with no buttons', async () => {
    const { number, approval, assignment } = await runWholeOrder();
    const slackCopies: [Posted, RegExp][] = [
      [approval.ann, /Approved by Tom Approver at /],
      [approval.abe, /Approved by Tom Approver at /],
      [assignment.al, /Completed by Al Assigner at /],
    ];
    for (const [dm, decision] of slackCopies) {
      const last = (await w.slack.updated(dm)).at(-1)!;
      expect(visibleText(last.args)).toMatch(decision);
      expect(buttonsIn(last)).toEqual([]);
    }
    expect(visibleText((await w.slack.updated(assignment.al)).at(-1)!.args)).toContain(MAC.toUpperCase());

    const teamsCopies: [PostedCard, RegExp][] = [
      [approval.tom, /^Approved by Tom Approver at /],
      [assignment.sam, /^Completed by Al Assigner at /],
    ];
    for (const [posted, decision] of teamsCopies) {
      const last = cardOf((await w.teams.updated(posted)).at(-1)!);
      expect(cardText(last)).toMatch(decision);
      expect(verbsOf(last)).toEqual([]);
      expect(last.refresh).toBeUndefined();
    }
    // These were all the copies: no other DM or card about the order was posted.
    const dmsAbout = (who: 'olga' | 'ann' | 'abe' | 'al') =>
      w.slack.dmsTo(who).filter((m) => m.text.includes(number) && / needed: /.test(m.text));
    expect([dmsAbout('olga'), dmsAbout('ann'), dmsAbout('abe'), dmsAbout('al')].map((l) => l.length)).toEqual([0, 1, 1, 1]);
    expect(
      [
        w.teams.cardsTo('tom', number, 'Approval'),
        w.teams.cardsTo('tom', number, 'Assignment'),
        w.teams.cardsTo('sam', number, 'Assignment'),
      ].map((l) => l.length),
    ).toEqual([1, 0, 1]);
  });

  it('shows the order Completed, not still being provisioned, on every copy once provisioning has run', async () => {
    const { approval, assignment } = await runWholeOrder();
    // Provisioning runs after the last decision's commit: its refresh of each copy comes a moment later.
    const lastSlackText = async (dm: Posted) => visibleText((await w.slack.updated(dm)).at(-1)!.args);
    const lastTeamsText = async (posted: PostedCard) => cardText(cardOf((await w.teams.updated(posted)).at(-1)!));
    for (const dm of [approval.ann, approval.abe, assignment.al]) {
      const text = await eventually(
        async () => (await lastSlackText(dm)).includes('Completed') && lastSlackText(dm),
        'the Slack copy shows Completed',
      );
      expect(text).not.toContain('Being Provisioned');
    }
    for (const posted of [approval.tom, assignment.sam]) {
      const text = await eventually(
        async () => (await lastTeamsText(posted)).includes('Completed') && lastTeamsText(posted),
        'the Teams copy shows Completed',
      );
      expect(text).not.toContain('Being Provisioned');
    }
  });
});
