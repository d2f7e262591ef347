import type { ChatDestination, ChatDestinationsChanged, ChatDestinationsTested, DestinationScope, TestEmailResult } from '../../core/index';
import type { View } from './view';

/** "the Approval group of acme.example", "the system Administration group". */
export const scopeText = (scope: DestinationScope): string =>
  scope.kind === 'domain' ? `the ${scope.group} group of ${scope.domain}` : 'the system Administration group';

/** The words that name the group again in a command: "acme.example approval", "system administration". */
const scopeWords = (scope: DestinationScope): string =>
  scope.kind === 'domain' ? `${scope.domain} ${scope.group.toLowerCase()}` : 'system administration';

/** The reply to `notify channel here|remove`, typed in the channel itself. */
export function presentChatDestinationsChanged(
  result: ChatDestinationsChanged,
  o: { op: 'here' | 'remove'; here: ChatDestination; prefix: string },
): View {
  const group = scopeText(result.scope);
  const title =
    o.op === 'here'
      ? result.changed
        ? `${o.here.label} now gets the notices of ${group}`
        : `${o.here.label} already gets the notices of ${group}`
      : result.changed
        ? `${o.here.label} no longer gets the notices of ${group}`
        : `${o.here.label} was not getting the notices of ${group}`;
  const others = result.destinations.map((d) => d.label);
  return {
    title,
    tone: result.changed ? 'success' : 'info',
    paragraphs: [
      others.length
        ? `Chat destinations of ${group}: ${others.join(', ')}.`
        : `${group} has no chat destinations now; its notices go by email.`,
    ],
    footnote:
      o.op === 'here' ? `Check that the bot can post here with "${o.prefix}notify test channel ${scopeWords(result.scope)}".` : undefined,
  };
}

/** `notify channel ...` typed in a direct chat: there is no channel to register. */
export function presentNeedsChannel(prefix: string): View {
  return {
    title: 'Not in a channel',
    tone: 'warning',
    paragraphs: [
      `Run this in the channel that should receive notifications: "${prefix}notify channel here <domain> <group>" typed there registers that channel. This is a direct chat.`,
    ],
  };
}

/** A password typed where others read it: refused, and the administrator is told to change it. */
export function presentPasswordInSharedChat(prefix: string): View {
  return {
    title: 'Not saved: a password in a shared conversation',
    tone: 'warning',
    paragraphs: [
      'Everyone in this conversation can read the message with the SMTP password in it. Nothing was saved or sent.',
      `Change that password on the mail server, then set the new one in a personal chat with the bot: "${prefix}notify set <domain>|system smtp password=...".`,
    ],
  };
}

/** "Testing Notification Settings": success, or what went wrong in words and what to do about it. */
export function presentTestEmail(result: TestEmailResult, prefix: string): View {
  const via = result.server ? `through ${result.server}` : "through provbot's own mail settings";
  const settings = result.scope === 'the system' ? 'system' : result.scope;
  if (result.ok) {
    return {
      title: `Test email sent to ${result.to}`,
      tone: 'success',
      paragraphs: [
        `Sent ${via}, with the settings of ${result.scope} and the values you entered.`,
        `A successful test does not save the settings: save them with "${prefix}notify set ${settings} smtp key=value".`,
      ],
    };
  }
  return {
    title: `Test email to ${result.to} failed`,
    tone: 'error',
    paragraphs: [`Tried ${via}. ${result.error}`, 'Make the necessary changes in the settings and run the test again. Nothing was saved.'],
  };
}

/** The reply to `notify test channel`: per channel, whether the test notice arrived. */
export function presentChatDestinationsTested(tested: ChatDestinationsTested, prefix: string): View {
  const group = scopeText(tested.scope);
  const { results } = tested;
  if (results.length === 0) {
    return {
      title: `${group} has no chat destinations`,
      tone: 'info',
      paragraphs: [`Type "${prefix}notify channel here ${scopeWords(tested.scope)}" in a channel to send its notices there.`],
    };
  }
  const arrived = results.filter((r) => r.ok).length;
  return {
    title: `Test notice posted to ${arrived} of ${results.length} chat destination${results.length === 1 ? '' : 's'} of ${group}`,
    tone: arrived === results.length ? 'success' : 'warning',
    paragraphs: [],
    fields: results.map((r) => ({
      label: `${r.destination.label} (${r.destination.platform === 'slack' ? 'Slack' : 'Teams'})`,
      value: r.ok ? 'posted' : `failed: ${r.problem}`,
    })),
    ...(arrived < results.length
      ? { footnote: 'In Slack, invite the bot to a channel it cannot post in; in Teams, add the app to the team or chat.' }
      : {}),
  };
}
