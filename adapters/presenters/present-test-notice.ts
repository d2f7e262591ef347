import type { View } from './view';

/**
 * "Click Send test email to send an email using the current settings" (Testing
 * Notification Settings): the chat counterpart, posted when a destination is tested or
 * registered, so people there know what will arrive. `audience` is where it lands: a
 * registered channel or group chat, or one person's direct chat.
 */
export function presentTestNotice(scope: string, audience: 'channel' | 'person'): View {
  const who = audience === 'channel' ? 'this channel' : 'you';
  return {
    title: 'Test notification from provbot',
    tone: 'success',
    paragraphs: [`Test notification from provbot for ${scope}: ${who} will receive ${scope} notifications.`],
  };
}
