import { rawPayloadBody } from './slack-signing';
import type { SlackUserRef } from './slack-signing';

/**
 * Interaction payloads Slack posts that test/fakes/slack-signing.ts does not build:
 * a click that names the clicked button's block and carries the clicked message (as
 * Slack's block_actions payloads do), and a modal's view_submission.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */

/** Slack's trigger_ids are good for 3 seconds; the recording API reads the time from ours. */
export const freshTriggerId = () => `${Date.now()}.${Math.floor(Math.random() * 1e9)}.trigger`;

export interface PostedButton {
  action_id: string;
  value: string;
  block_id: string;
}

export function buttonClickBody(o: {
  user: SlackUserRef;
  button: PostedButton;
  responseUrl: string;
  message: { channel: string; ts: string; text: string };
}): string {
  return rawPayloadBody(
    JSON.stringify({
      type: 'block_actions',
      user: { id: o.user.id, username: o.user.name, name: o.user.name, team_id: 'T0FAKE' },
      api_app_id: 'A0PROVBOT',
      token: 'deprecated-verification-token',
      container: { type: 'message', message_ts: o.message.ts, channel_id: o.message.channel, is_ephemeral: false },
      trigger_id: freshTriggerId(),
      team: { id: 'T0FAKE', domain: 'fake' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: o.message.channel, name: 'directmessage' },
      message: { type: 'message', ts: o.message.ts, text: o.message.text, user: 'UPROVBOT', bot_id: 'BPROVBOT' },
      response_url: o.responseUrl,
      actions: [
        {
          type: 'button',
          action_id: o.button.action_id,
          block_id: o.button.block_id,
          text: { type: 'plain_text', text: 'x' },
          value: o.button.value,
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    }),
  );
}

/** What a user puts in one input: text typed, an option chosen, a date picked, or several options (multi-select, check boxes). */
export type Typed = string | { option: string } | { date: string } | { options: string[] };

/**
 * A modal submitted with `typed` by block_id, as Slack sends it: the view that was
 * opened (with its private_metadata and callback_id), and `state.values` keyed by
 * block_id and action_id.
 */
export function viewSubmissionBody(o: { user: SlackUserRef; view: Record<string, unknown>; typed: Record<string, Typed> }): string {
  const blocks = (o.view.blocks ?? []) as { type: string; block_id?: string; element?: { type: string; action_id: string } }[];
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const t = o.typed[b.block_id];
    const { type, action_id } = b.element;
    if (type === 'static_select')
      values[b.block_id] = {
        [action_id]: {
          type,
          selected_option:
            t && typeof t === 'object' && 'option' in t ? { text: { type: 'plain_text', text: t.option }, value: t.option } : null,
        },
      };
    else if (type === 'multi_static_select' || type === 'checkboxes')
      values[b.block_id] = {
        [action_id]: {
          type,
          selected_options: (t && typeof t === 'object' && 'options' in t ? t.options : []).map((v) => ({
            text: { type: 'plain_text', text: v },
            value: v,
          })),
        },
      };
    else if (type === 'datepicker')
      values[b.block_id] = { [action_id]: { type, selected_date: t && typeof t === 'object' && 'date' in t ? t.date : null } };
    else values[b.block_id] = { [action_id]: { type, value: typeof t === 'string' ? t : null } };
  }
  return rawPayloadBody(
    JSON.stringify({
      type: 'view_submission',
      team: { id: 'T0FAKE', domain: 'fake' },
      user: { id: o.user.id, username: o.user.name, name: o.user.name, team_id: 'T0FAKE' },
      api_app_id: 'A0PROVBOT',
      token: 'deprecated-verification-token',
      trigger_id: freshTriggerId(),
      view: {
        ...o.view,
        id: o.view.id ?? 'V0FAKE',
        team_id: 'T0FAKE',
        app_id: 'A0PROVBOT',
        bot_id: 'BPROVBOT',
        hash: '1700000000.abc',
        state: { values },
      },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    }),
  );
}

/**
 * A button clicked inside a modal, as Slack posts it: block_actions with a `view`
 * container and the whole view (its id, hash and private_metadata), no response_url.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export function modalButtonClickBody(o: {
  user: SlackUserRef;
  view: Record<string, unknown>;
  actionId: string;
  value: string;
  blockId?: string;
}): string {
  const viewId = String(o.view.id ?? 'V0FAKE');
  return rawPayloadBody(
    JSON.stringify({
      type: 'block_actions',
      user: { id: o.user.id, username: o.user.name, name: o.user.name, team_id: 'T0FAKE' },
      api_app_id: 'A0PROVBOT',
      token: 'deprecated-verification-token',
      container: { type: 'view', view_id: viewId },
      trigger_id: freshTriggerId(),
      team: { id: 'T0FAKE', domain: 'fake' },
      enterprise: null,
      is_enterprise_install: false,
      view: {
        ...o.view,
        id: viewId,
        team_id: 'T0FAKE',
        app_id: 'A0PROVBOT',
        bot_id: 'BPROVBOT',
        hash: '1700000000.def',
        state: { values: {} },
      },
      actions: [
        {
          type: 'button',
          action_id: o.actionId,
          block_id: o.blockId ?? `review.${o.value}`,
          text: { type: 'plain_text', text: 'Edit' },
          value: o.value,
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    }),
  );
}
