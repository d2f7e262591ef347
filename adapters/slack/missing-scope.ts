import type { View } from '../presenters/view';
import type { SlackBotScope } from './slack-app-requirements';

/** The WebClient's code for an `{ ok: false }` answer (@slack/web-api ErrorCode), matched by value so no SDK import is needed. */
const PLATFORM_ERROR = 'slack_webapi_platform_error';

/**
 * The scope Slack says a call lacked, or null when the error is anything else. An app
 * installed before a scope was added to its manifest keeps its old token until it is
 * reinstalled, and every call needing the new scope is then answered
 * `{ ok: false, error: "missing_scope", needed: "files:write", provided: "…" }`
 * (https://docs.slack.dev/reference/methods/files.getUploadURLExternal#errors).
 * `needed` is trusted only when it looks like a scope; `expected` names the scope the
 * call is known to need, for an answer without it.
 */
export function missingScope(err: unknown, expected: SlackBotScope): string | null {
  const e = err as { code?: unknown; data?: { error?: unknown; needed?: unknown } } | null;
  if (e?.code !== PLATFORM_ERROR || e.data?.error !== 'missing_scope') return null;
  const needed = e.data.needed;
  return typeof needed === 'string' && /^[a-z.:_,]{1,100}$/.test(needed) ? needed : expected;
}

/**
 * What the user is told instead of "Something went wrong": the permission by the name
 * Slack's app settings show it (OAuth & Permissions, Bot Token Scopes), and the fix,
 * which only a workspace admin can make. `what` says what could not be done
 * ("post the order summary PDF here"); `then` is what to do once the app is fixed.
 */
export function missingScopeView(what: string, scope: string, then = 'then try again.'): View {
  return {
    title: 'provbot lacks a Slack permission',
    tone: 'warning',
    paragraphs: [
      `I couldn't ${what} because provbot's Slack app lacks the ${scope} permission: ask a Slack workspace admin to add the ${scope} bot token scope to provbot under OAuth & Permissions and reinstall the app, ${then}`,
    ],
  };
}
