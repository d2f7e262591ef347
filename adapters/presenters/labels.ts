import type { Channel, Subscriber } from '../../core/index';

/**
 * The one table of the words people see for the core's identifiers, used by Slack,
 * Teams and email alike: attribute keys ("macAddress"), channels ("teams") and
 * subscribers. A key missing from a table is put into words, never shown raw.
 */
const ATTRIBUTE_LABELS: Record<string, string> = {
  phoneType: 'Phone type',
  macAddress: 'MAC address',
  deviceName: 'Device name',
  lineType: 'Line type',
  directoryNumber: 'Directory number',
  displayName: 'Display name',
  alias: 'Voicemail alias',
  emailId: 'Email ID',
};

/** "macAddress" → "MAC address"; an attribute the table lacks is put into words ("ringTone" → "Ring tone"). */
export const attributeLabel = (key: string): string => ATTRIBUTE_LABELS[key] ?? humanize(key);

const CHANNEL_LABELS: Record<Channel, string> = {
  slack: 'Slack',
  teams: 'Teams',
  email: 'email',
  api: 'the REST API',
  system: 'provbot itself',
};

/** "in Slack", "by email", "through the REST API": how something was done, after a name. */
export function channelPhrase(channel: Channel): string {
  if (channel === 'api') return `through ${CHANNEL_LABELS.api}`;
  if (channel === 'email') return 'by email';
  if (channel === 'system') return `by ${CHANNEL_LABELS.system}`;
  return `in ${CHANNEL_LABELS[channel]}`;
}

/** "John Smith (jsmith)" on every card and email; the login alone when the record is gone. */
export function subscriberLabel(subscriber: Subscriber | null, login: string): string {
  if (!subscriber) return login;
  const name = `${subscriber.firstName} ${subscriber.lastName}`.trim();
  return name ? `${name} (${subscriber.login})` : subscriber.login;
}

const ACRONYMS: Record<string, string> = { mac: 'MAC', id: 'ID', dn: 'DN' };

/** "deviceName" → "Device name"; keys already in words stay as they are. */
export function humanize(key: string): string {
  if (/\s/.test(key)) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}
