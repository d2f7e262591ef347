import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import type { Actor, Core } from '../../../core/index';
import { readUsersCsv } from '../../chat/read-users-csv';
import { parseConsentValue, presentConsentResent, presentCustomerUserResults } from '../../presenters/present-customer-user-results';
import type { UsersCsvDraft } from '../../presenters/present-users-csv';
import { parseUsersCsvDraftValue, presentUsersCsvCreating, presentUsersCsvRefused } from '../../presenters/present-users-csv';
import type { View } from '../../presenters/view';
import { actionIdPattern } from '../blocks/action-ids';
import { errorSummary } from '../bolt-logger';
import { renderView } from '../blocks/view.blocks';
import { filesOf } from '../events/users-csv.event';
import { identifySlackUser } from '../identify-slack-user';
import { replyEphemeral, replyError } from '../reply';
import { responseUrl } from '../response-url';
import type { SlackListenerDeps } from '../slack-listener-deps';

export const CREATE_USERS_ACTION = 'customer-users.create';
export const RESEND_CONSENT_ACTION = 'customer-users.resend-consent';

const ZClick = z.object({
  user: z.object({ id: z.string().min(1).max(64), name: z.string().max(200).optional(), username: z.string().max(200).optional() }),
  channel: z.object({ id: z.string().min(1).max(64) }).optional(),
  container: z
    .object({
      channel_id: z.string().max(64).optional(),
      message_ts: z.string().max(32).optional(),
      thread_ts: z.string().max(32).optional(),
    })
    .optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().min(1).max(2000) })).min(1),
});
type Click = z.infer<typeof ZClick>;

const NOT_OURS = presentUsersCsvRefused('That button does not come from a file I checked; share the file again.');

/**
 * "Create N users" on a checked file, and "Resend consent email" on a user waiting for
 * consent. Who may do either is the core's to say (the clicker, not the sharer, acts).
 * The Create button holds the file, not the users: the file is fetched again and used
 * only if its bytes are still the ones checked, then checked again by the core.
 */
export function registerCustomerUsersActions(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction>(actionIdPattern(CREATE_USERS_ACTION), async ({ ack, body }) => {
    await ack();
    deps.afterAck.enqueue(async () => {
      const respond = responseUrl(body.response_url);
      try {
        const click = ZClick.parse(body);
        const draft = parseUsersCsvDraftValue(click.actions[0]!.value);
        if (!draft) return await replyEphemeral(respond, NOT_OURS);
        const core = deps.core();
        const actor = await clicker(core, deps, click);
        const channel = click.channel?.id ?? click.container?.channel_id ?? click.user.id;
        const creating = (view: View) => replaceClicked(deps, channel, click.container?.message_ts, view);
        for (const view of await createUsers(deps, core, actor, draft, creating))
          await deps.client.chat.postMessage({ channel, thread_ts: click.container?.thread_ts, ...renderView(view) });
      } catch (err) {
        await replyError(respond, err, deps.log, { action: CREATE_USERS_ACTION, userId: body.user?.id });
      }
    });
  });
  app.action<BlockAction>(actionIdPattern(RESEND_CONSENT_ACTION), async ({ ack, body }) => {
    await ack();
    deps.afterAck.enqueue(async () => {
      const respond = responseUrl(body.response_url);
      try {
        const click = ZClick.parse(body);
        const target = parseConsentValue(click.actions[0]!.value);
        if (!target) return await replyEphemeral(respond, NOT_OURS);
        const core = deps.core();
        await core.resendConsentEmail({ actor: await clicker(core, deps, click), ...target });
        await replyEphemeral(respond, presentConsentResent(target.email));
      } catch (err) {
        await replyError(respond, err, deps.log, { action: RESEND_CONSENT_ACTION, userId: body.user?.id });
      }
    });
  });
}

const clicker = (core: Core, deps: SlackListenerDeps, click: Click) =>
  identifySlackUser(core, deps.client, { id: click.user.id, name: click.user.name ?? click.user.username ?? click.user.id });

/**
 * The clicked message, replaced in place by "Creating N users for <customer>…" without its
 * button, so it cannot be clicked again (chat.update by the message's channel and ts, both
 * in the click: https://docs.slack.dev/reference/methods/chat.update; not the
 * response_url, which allows 5 answers and is kept for refusals). A copy that cannot be
 * replaced (gone, or a click without its ts) does not stop the creation: the core still
 * creates each user once, however often the button is clicked.
 */
async function replaceClicked(deps: SlackListenerDeps, channel: string, ts: string | undefined, view: View): Promise<void> {
  if (!ts) return;
  try {
    await deps.client.chat.update({ channel, ts, ...renderView(view) });
  } catch (err) {
    deps.log.warn({ action: CREATE_USERS_ACTION, ...errorSummary(err) }, 'slack: could not replace the clicked Create users message');
  }
}

/** The file as checked, checked again, then created: one result per user (several messages for a long file). */
async function createUsers(
  deps: SlackListenerDeps,
  core: Core,
  actor: Actor,
  draft: UsersCsvDraft,
  creating: (view: View) => Promise<void>,
): Promise<View[]> {
  const file = await filesOf(deps).download(draft.fileId);
  if (!file.ok) return [presentUsersCsvRefused(file.reason)];
  if (file.sha256 !== draft.sha256)
    return [presentUsersCsvRefused(`${file.name} has changed since I checked it; share it again with "customer users <customer>".`)];
  const reading = await readUsersCsv(core, actor, { customerId: draft.customerId, fileName: file.name, text: file.text });
  if (!reading.ok) return [reading.view];
  await creating(presentUsersCsvCreating({ customerName: reading.customerName, count: reading.users.length }));
  const results = await core.addCustomerUsers({ actor, customerId: reading.customerId, users: reading.users });
  return presentCustomerUserResults({ customerId: reading.customerId, customerName: reading.customerName, results });
}
