/**
 * What the Slack app must be granted for this adapter to work, by bot scope and
 * the calls that need it. manifest/slack/manifest.yaml must grant exactly these
 * (a test checks it), so a new API call fails a test until the manifest asks for it.
 * https://docs.slack.dev/reference/scopes
 * views.open (the order form and the input modals) needs no scope, only a trigger_id:
 * https://docs.slack.dev/reference/methods/views.open
 */
export const SLACK_BOT_SCOPES = {
  commands: 'the /prov slash command',
  'chat:write':
    'chat.postMessage (access requests, decisions, activities, placed orders) and chat.update (decided requests and activities)',
  'im:write': 'direct messages to the placer, the requester, the assignees of activities and whoever submits the order form',
  'users:read': 'users.info, to identify who typed or clicked',
  'users:read.email': 'users.info profile.email, to match Slack users to the directory',
  'channels:history': 'conversations.history in public channels, to find a notice that may be posted already (find-posted-notice.ts)',
  'groups:history': 'the same in private channels',
  'im:history': 'the same in the DMs notices go to; and the message.im event, which brings a CSV file of users shared in the DM',
  'mpim:history': 'the same in group DMs',
  'files:read':
    'files.info and the url_private download of a CSV file of users shared with the bot (https://docs.slack.dev/messaging/working-with-files)',
  'app_mentions:read': 'the app_mention event: a CSV file of users shared in a channel with the bot mentioned',
  'files:write':
    'files.uploadV2 (files.getUploadURLExternal and files.completeUploadExternal): the order summary PDF of `customer summary` and of a completed services setup (https://docs.slack.dev/reference/methods/files.getUploadURLExternal)',
} as const;

export type SlackBotScope = keyof typeof SLACK_BOT_SCOPES;

/**
 * The bot events the adapter listens for, each with the listener that needs it; the
 * manifest's settings.event_subscriptions.bot_events must list exactly these.
 * https://docs.slack.dev/reference/events
 */
export const SLACK_BOT_EVENTS = {
  app_home_opened: 'the App Home tab (events/app-home.event.ts)',
  'message.im': 'a CSV file of users shared in the DM, subtype file_share (events/users-csv.event.ts)',
  app_mention: 'a CSV file of users shared in a channel with the bot mentioned (events/users-csv.event.ts)',
} as const;
