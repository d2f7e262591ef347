import type { Actor } from '../../../core/index';
import type { SetupChat, SetupCommand } from '../../chat/run-setup-command';
import { runSetupCommand } from '../../chat/run-setup-command';
import { renderView } from '../blocks/view.blocks';
import { missingScope, missingScopeView } from '../missing-scope';
import { replyEphemeral } from '../reply';
import type { Respond } from '../response-url';
import type { SlackListenerDeps } from '../slack-listener-deps';
import { setupModal } from '../views/services-setup.modal';

/**
 * `services setup <customer>` opens the wizard's modal (with the command's trigger_id,
 * good for 3 seconds); `customer admins` answers privately; `customer summary` posts
 * the order summary PDF into the conversation with files.uploadV2 (Bolt's WebClient
 * wraps files.getUploadURLExternal and files.completeUploadExternal; the older
 * files.upload is retired: https://docs.slack.dev/reference/methods/files.upload). That
 * needs the files:write bot scope (https://docs.slack.dev/reference/methods/files.getUploadURLExternal);
 * a workspace whose app lacks it is told so in words (missing-scope.ts).
 */
export async function runSlackSetupCommand(
  deps: SlackListenerDeps,
  chat: SetupChat,
  actor: Actor,
  c: SetupCommand,
  command: { trigger_id: string; channel_id: string; user_id: string },
  respond: Respond,
): Promise<void> {
  const reply = await runSetupCommand(chat, actor, c);
  const channel = command.channel_id || command.user_id;
  if (reply.kind === 'view') return replyEphemeral(respond, reply.view);
  if (reply.kind === 'open-setup') {
    await deps.client.views.open({ trigger_id: command.trigger_id, view: setupModal(reply.page, channel) });
    return;
  }
  try {
    await deps.client.filesUploadV2({
      channel_id: channel,
      file: reply.pdf,
      filename: reply.fileName,
      title: reply.view.title,
      initial_comment: renderView(reply.view).text,
    });
  } catch (err) {
    // An app installed before files:write was in its manifest: the fix is the admin's, so say which.
    const scope = missingScope(err, 'files:write');
    if (!scope) throw err;
    deps.log.warn({ command: 'customer summary', scope }, 'slack: the app lacks a scope; reinstall it from manifest/slack');
    await replyEphemeral(respond, missingScopeView('post the order summary PDF here', scope));
  }
}
