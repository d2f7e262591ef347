import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them: form-encoded bodies signed with the app's signing
 * secret over `v0:<timestamp>:<exact body>` (HMAC-SHA256, hex), in the headers
 * x-slack-signature and x-slack-request-timestamp.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export function slackSignature(secret: string, body: string, timestamp: number): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    // Exactly this: Bolt compares the content type verbatim to decide how to parse.
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, body, timestamp),
  };
}

export interface SlackUserRef {
  id: string;
  name: string;
}

/** A slash command payload (form fields), as Slack posts it to the command's request URL. */
export function slashCommandBody(o: {
  command?: string;
  text: string;
  user: SlackUserRef;
  responseUrl: string;
  teamId?: string;
  channelId?: string;
}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: o.teamId ?? 'T0FAKE',
    team_domain: 'fake',
    channel_id: o.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: o.user.id,
    user_name: o.user.name,
    command: o.command ?? '/prov',
    text: o.text,
    api_app_id: 'A0PROVBOT',
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: `${Date.now()}.trigger`,
  }).toString();
}

/** A block_actions payload for a button click on a message: `payload=<JSON>`. */
export function blockActionsBody(o: {
  user: SlackUserRef;
  actionId: string;
  value: string;
  responseUrl: string;
  message: { channel: string; ts: string };
  teamId?: string;
}): string {
  const payload = {
    type: 'block_actions',
    user: { id: o.user.id, username: o.user.name, name: o.user.name, team_id: o.teamId ?? 'T0FAKE' },
    api_app_id: 'A0PROVBOT',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: o.message.ts, channel_id: o.message.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: o.teamId ?? 'T0FAKE', domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: o.message.channel, name: 'directmessage' },
    message: { type: 'message', ts: o.message.ts, text: 'Access request', user: 'UPROVBOT', bot_id: 'BPROVBOT' },
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: o.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return rawPayloadBody(JSON.stringify(payload));
}

/** `payload=<text>`, for sending a payload that is not valid JSON. */
export const rawPayloadBody = (payload: string) => new URLSearchParams({ payload }).toString();

/** POSTs a signed body to the bot; `timestamp` and `secret` can be wrong on purpose. */
export async function postSigned(url: string, body: string, o: { secret: string; timestamp?: number }): Promise<Response> {
  return fetch(url, { method: 'POST', headers: signedHeaders(o.secret, body, o.timestamp), body });
}

/**
 * An Events API callback as Slack posts it: a JSON body, signed like the rest.
 * https://docs.slack.dev/apis/events-api#callback-field
 */
export async function postSignedEvent(url: string, event: Record<string, unknown>, o: { secret: string }): Promise<Response> {
  const body = JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0PROVBOT',
    type: 'event_callback',
    event_id: `Ev${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  return fetch(url, { method: 'POST', headers: { ...signedHeaders(o.secret, body), 'content-type': 'application/json' }, body });
}
