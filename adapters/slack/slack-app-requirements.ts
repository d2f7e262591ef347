/**
 * What the Slack app must be granted for this adapter to work, by bot scope and
 * the calls that need it. manifest/slack/manifest.yaml must grant exactly these
 * (a test checks it), so a new API call fails a test until the manifest asks for it.
 * https://docs.slack.dev/reference/scopes
 */
export const SLACK_BOT_SCOPES = {
  commands: 'the /prov slash command',
  'chat:write': 'chat.postMessage (access requests, decisions) and chat.update (decided requests)',
  'im:write': 'direct messages to the placer and the requester',
  'users:read': 'users.info, to identify who typed or clicked',
  'users:read.email': 'users.info profile.email, to match Slack users to the directory',
} as const;

export type SlackBotScope = keyof typeof SLACK_BOT_SCOPES;
