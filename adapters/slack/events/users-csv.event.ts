import type { App } from '@slack/bolt';
import type { Actor, Core } from '../../../core/index';
import { readUsersCsv } from '../../chat/read-users-csv';
import { notFound } from '../../chat/run-onboarding-command';
import type { View } from '../../presenters/view';
import {
  presentUsersCsvGuidance,
  presentUsersCsvReady,
  presentUsersCsvRefused,
  usersCsvDraftValue,
} from '../../presenters/present-users-csv';
import { renderView } from '../blocks/view.blocks';
import { errorSummary } from '../bolt-logger';
import { PROV_COMMAND } from '../commands/prov.command';
import { identifySlackUser } from '../identify-slack-user';
import { errorView } from '../reply';
import type { SlackFile, SlackFiles } from '../slack-files';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { planFileShare, readFileShare } from './users-csv-share';

/**
 * Set up Customer, "Add users", many at once: a CSV file shared in the bot's DM (or in a
 * channel with the bot mentioned) with the message `customer users <customer>`. The bot
 * checks the file, fetches it, names every bad line and creates nobody, or shows the
 * count with a "Create N users" button (customer-users.action.ts creates them).
 * Bolt acknowledges events itself; the work happens after.
 */
export function registerUsersCsvShare(app: App, deps: SlackListenerDeps): void {
  const listener = async ({ event }: { event: unknown }) => {
    const share = readFileShare(event);
    if (!share) return;
    const plan = planFileShare(share);
    if (plan.kind === 'ignore') return;
    deps.afterAck.enqueue(async () => {
      const post = (view: View) => deps.client.chat.postMessage({ channel: share.channel, thread_ts: share.threadTs, ...renderView(view) });
      try {
        if (plan.kind === 'guidance') return void (await post(presentUsersCsvGuidance(`${PROV_COMMAND} `, plan.customer)));
        if (plan.kind === 'refused') return void (await post(presentUsersCsvRefused(plan.reason)));
        const core = deps.core();
        const actor = await identifySlackUser(core, deps.client, { id: share.user, name: share.user });
        await post(await previewUsersCsv(deps, core, actor, plan));
      } catch (err) {
        await post(errorView(err, deps.log, { event: 'users-csv', userId: share.user }).view).catch((replyErr: unknown) =>
          deps.log.error(errorSummary(replyErr), 'slack: users CSV reply failed'),
        );
      }
    });
  };
  app.event('message', listener);
  app.event('app_mention', listener);
}

async function previewUsersCsv(
  deps: SlackListenerDeps,
  core: Core,
  actor: Actor,
  plan: { customer: string; file: SlackFile },
): Promise<View> {
  const customers = await core.listCustomers({ actor });
  const wanted = plan.customer.toLowerCase();
  const customer = customers.find((c) => c.name.toLowerCase() === wanted || c.id === plan.customer);
  if (!customer) return notFound('customer', 'customers', plan.customer, customers, `${PROV_COMMAND} `);
  const file = await filesOf(deps).download(plan.file.id);
  if (!file.ok) return presentUsersCsvRefused(file.reason);
  const reading = await readUsersCsv(core, actor, { customerId: customer.id, fileName: file.name, text: file.text });
  if (!reading.ok) return reading.view;
  return presentUsersCsvReady({
    fileName: file.name,
    customerName: reading.customerName,
    count: reading.users.length,
    value: usersCsvDraftValue({ customerId: reading.customerId, fileId: plan.file.id, sha256: file.sha256 }),
  });
}

export function filesOf(deps: SlackListenerDeps): SlackFiles {
  if (!deps.files) throw new Error('the Slack adapter was built without file access');
  return deps.files;
}
