import { describe, expect, it } from 'vitest';
import type { DirectoryUser } from '../../core/index';
import { anActivity, aSubscriber, aWorkOrder } from '../../test/fixtures/workflow-values';
import type { StoredReference } from './conversation-reference';
import type { TeamsAddressBook } from './teams-address-book';
import { parseTeamsAddress } from './teams-address';
import type { TeamsConversations } from './teams-conversations';
import { TeamsNotifier } from './teams-notifier';

const reference = (key: string): StoredReference => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/',
  conversation: { id: `a:personal-${key}`, conversationType: 'personal', tenantId: 't' },
  bot: { id: '28:app' },
  user: { id: `29:1${key}`, aadObjectId: `aad-${key}` },
});
const user = (key: string, teams: boolean): DirectoryUser => ({ id: `u-${key}`, email: `${key}@acme.example`, name: key, slackUserId: null, teamsUserId: teams ? `aad-${key}` : null, roles: [] });

function setup(o: { known: string[]; failing?: string[] }) {
  const sent: { conversation: string; activity: any }[] = [];
  const addresses = { personalChat: async (id: string) => (o.known.includes(id.replace('aad-', '')) ? reference(id.replace('aad-', '')) : null) } as unknown as TeamsAddressBook;
  const conversations = {
    send: async (ref: StoredReference, activity: unknown) => {
      if (o.failing?.some((k) => ref.conversation.id.endsWith(k))) throw new Error('403 Forbidden');
      sent.push({ conversation: ref.conversation.id, activity });
      return `activity-${sent.length}`;
    },
  } as unknown as TeamsConversations;
  const logged: string[] = [];
  const log = { info: (_f: unknown, m: string) => void logged.push(m), warn: (_f: unknown, m: string) => void logged.push(m), error() {} };
  return { sent, logged, notifier: new TeamsNotifier(addresses, conversations, log) };
}

const message = () => ({ activity: anActivity({ id: 'act-1', status: 'Open' }), order: aWorkOrder(), subscriber: aSubscriber() });

describe('TeamsNotifier.postActivity', () => {
  it('posts one card per reachable recipient, refreshed for that recipient, and says who was skipped', async () => {
    const { notifier, sent, logged } = setup({ known: ['anna', 'abe'] });
    const posted = await notifier.postActivity({ ...message(), recipients: [user('anna', true), user('abe', true), user('zoe', true), user('nat', false)] });
    expect(posted.map((p) => parseTeamsAddress(p))).toEqual([
      { reference: reference('anna'), activityId: 'activity-1' },
      { reference: reference('abe'), activityId: 'activity-2' },
    ]);
    expect(sent.map((s) => s.activity.attachments[0].content.refresh.userIds)).toEqual([['29:1anna'], ['29:1abe']]);
    expect(logged).toEqual(['Teams: activity recipient never talked to the bot; no card sent', 'Teams: activity recipients without a Teams id; no card sent']);
  });

  it("does not let one refused post cost the others their copy, and throws only when every post fails", async () => {
    const some = setup({ known: ['anna', 'abe'], failing: ['abe'] });
    expect(await some.notifier.postActivity({ ...message(), recipients: [user('abe', true), user('anna', true)] })).toHaveLength(1);
    const all = setup({ known: ['abe'], failing: ['abe'] });
    await expect(all.notifier.postActivity({ ...message(), recipients: [user('abe', true)] })).rejects.toThrow('403 Forbidden');
  });
});
