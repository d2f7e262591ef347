import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';
import { presentError } from '../presenters/present-error';
import type { View } from '../presenters/view';
import { viewToText } from '../presenters/view';
import { runCommand } from './run-command';

/** The chat words against the real core on in-memory ports: what a Slack user would read back. */
async function chat() {
  const h = await workflowHarness({ isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null });
  const say = async (who: Parameters<typeof h.as>[0], text: string): Promise<string> => {
    try {
      return viewToText((await runCommand(h.core, h.as(who), text, '/prov ')) as View);
    } catch (err) {
      return viewToText(presentError(err, 'ref1'));
    }
  };
  return { ...h, say };
}

describe('chat commands on the core', () => {
  it('a change order from chat: new settings on a line, a new phone, a new owner; bad words change nothing', async () => {
    const h = await chat();
    await h.say('olive', 'order jdoe Enhanced Phone Service phoneType=7945 lineType=Chosen Line directoryNumber=5001');
    const [phone, line] = await h.deps.subscribers.listProducts('jdoe');
    expect(await h.say('olive', `change ${line!.id} settings directoryNumber=5002`)).toMatch(
      /^Order WO-000002 placed\nChange Line settings for jdoe\.\nIt is completed/,
    );
    expect((await h.deps.subscribers.findProduct(line!.id))?.attributes.directoryNumber).toBe('5002');
    expect(await h.say('olive', `change ${phone!.id} replace phoneType=7965 macAddress=00:AA:BB:CC:DD:01`)).toMatch(
      /^Order WO-000003 placed/,
    );
    expect((await h.deps.subscribers.findProduct(phone!.id))?.attributes).toMatchObject({ phoneType: '7965', macAddress: '00AABBCCDD01' });
    expect(await h.say('olive', `change ${phone!.id} owner rroe`)).toMatch(/^Order WO-000004 placed/);
    expect((await h.deps.subscribers.findProduct(phone!.id))?.subscriberLogin).toBe('rroe');

    const before = h.deps.workOrders.orders.size;
    expect(await h.say('olive', `change ${line!.id} paint colour=red`)).toContain(
      '"paint" is not a kind of change; say settings, replace or owner',
    );
    expect(await h.say('olive', `change ${line!.id} settings`)).toContain('Say what to change as key=value');
    expect(await h.say('olive', `change ${phone!.id} owner`)).toContain('Say who the new owner is');
    const refused = await h.say('olive', `change ${line!.id} settings directoryNumber=50-02`);
    expect(refused).toContain('Directory number: A directory number is digits only and cannot include dashes or spaces');
    expect(refused).not.toMatch(/directoryNumber|Line\./);
    expect(h.deps.workOrders.orders.size).toBe(before);
  });

  it('a one-line bundle order is provisioned and shows in the subscriber record and in a search', async () => {
    const { say } = await chat();
    const placed = await say('olive', 'order jdoe Enhanced Phone Service phoneType=7945 lineType=Chosen Line directoryNumber=5001');
    expect(placed).toMatch(/^Order WO-000001 placed\nAdd Enhanced Phone Service for jdoe\.\nIt is completed/);
    const record = await say('olive', 'subscriber jdoe');
    expect(record).toContain('Jane Doe (jdoe)');
    expect(record).toMatch(/Phone\n(.*\n)* {2}└ Line\n(.*\n)* {2}Directory number: 5001/);
    expect(await say('olive', 'search login=jdoe status=complete')).toMatch(
      /^1 work order found\n(.*\n)*WO-000001: Add Enhanced Phone Service for jdoe/,
    );
  });

  it("an order that needs approval shows up in the approver's activities with a button carrying the order version", async () => {
    const h = await chat();
    await h.say('ada', 'rules acme.example set IsAuthorizationRequiredForAddOrder true');
    expect(await h.say('olive', 'order jdoe Phone phoneType=7945')).toContain(
      'It is waiting for approval by the Approval group in acme.example.',
    );
    const list = (await runCommand(h.core, h.as('april'), 'activities', '')) as View;
    expect(list.title).toBe('My activities (1)');
    expect(list.sections?.[0]?.actions?.map((a) => a.label)).toEqual(['Approve', 'Reject order', 'Accept', 'Delegate']);
    expect(await h.say('olive', 'status WO-1')).toMatch(/Approval: open/);
  });

  it('a recoverable failure from chat waits for retry, which then completes the order', async () => {
    const h = await chat();
    h.deps.backend.fail('Voicemail', 'recoverable', 'mailbox store busy');
    const placed = await h.say('olive', 'order jdoe Enhanced Phone Service phoneType=7945');
    expect(placed).toContain('Provisioning the Voicemail failed with a recoverable error: mailbox store busy');
    expect(placed).toContain('Type "/prov retry WO-000001" to try again');
    expect(await h.say('olive', 'retry wo-1')).toMatch(/^Work order WO-000001 retried: Completed/);
  });

  it("the core's refusals reach the user in words", async () => {
    const { say } = await chat();
    expect(await say('olive', 'order jdoe Voicemail alias=jdoe')).toContain(
      'Voicemail needs a Line: order a Line first, or order a bundle that includes one.',
    );
    expect(await say('olive', 'subscriber nobody')).toContain("I can't find a subscriber with the login nobody.");
    expect(await say('olive', 'rules acme.example set PhoneShippingDoneBy none')).toContain("You can't");
  });
});
