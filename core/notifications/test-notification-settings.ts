import { z } from 'zod';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { assertMayManage } from './authorize-notification-settings';
import { parseDomainName } from '../directory/domain-name';
import { assertTestHasPassword, editSmtp, resolveSmtp } from './edit-notification-settings';
import type { SmtpEdits } from './edit-notification-settings';
import type { SmtpSettings } from './notification-settings';
import { serverText } from './notification-settings';
import { parseSettings, ZNotifyAddress, ZSmtpInput } from './notification-settings.schemas';
import { smtpInForce } from './read-notification-settings';

export interface TestNotificationSettingsInput {
  actor: Actor;
  /** "Send Test Email To". */
  to: string;
  scope: { kind: 'system' } | { kind: 'domain'; domain: string };
  /** SMTP values as entered and not saved, over the ones in force for the scope. */
  smtp?: SmtpEdits;
}

export interface TestEmailResult {
  to: string;
  /** "the system", or the domain. */
  scope: string;
  /** host:port the test went through; null: provbot's own mail settings. */
  server: string | null;
  ok: boolean;
  /** What went wrong, in the notifier's words (never a banner of whatever answered), when it failed. */
  error: string | null;
}

const ZTestEmail = z.object({ to: ZNotifyAddress, smtp: ZSmtpInput.nullable() });

/** Longest failure shown; a stack is not shown at all. */
const MAX_ERROR = 500;

/**
 * "Testing Notification Settings": "Click Send test email to send an email using the
 * current settings. A success message is displayed ... If the test fails, an error
 * message is displayed. ... a successful test will not automatically save the
 * settings." The settings tried are the ones in force for the scope (a domain's
 * override, else the system's) with the values entered over them; nothing is saved.
 */
export async function testNotificationSettings(deps: CoreDeps, input: TestNotificationSettingsInput): Promise<TestEmailResult> {
  const scope = input.scope.kind === 'domain' ? { kind: 'domain' as const, domain: parseDomainName(input.scope.domain) } : input.scope;
  const scopeLabel = scope.kind === 'domain' ? scope.domain : 'the system';
  assertMayManage(input.actor, scope, `test the notification settings of ${scopeLabel}`);
  const saved = await smtpInForce(deps, scope.kind === 'domain' ? scope.domain : null);
  const edited = !!input.smtp && Object.keys(input.smtp).length > 0;
  const entered = saved || edited ? editSmtp(saved, input.smtp ?? {}) : null;
  const test = parseSettings(ZTestEmail, { to: input.to, smtp: entered });
  const { to } = test;
  // A domain with no mail server of its own tests the system's: the same rule binds its password.
  assertTestHasPassword(test.smtp, saved);
  const smtp = resolveSmtp(test.smtp, saved);
  const server = smtp ? serverText(smtp) : null;
  try {
    await deps.email.sendTestEmail({ to, smtp, scope: scopeLabel });
    return { to, scope: scopeLabel, server, ok: true, error: null };
  } catch (err) {
    deps.log.info({ scope: scopeLabel, server }, 'test email failed');
    return { to, scope: scopeLabel, server, ok: false, error: failureWords(err, smtp) };
  }
}

/** The notifier rejects with words fit to show (the port's contract); a password never appears in them, even if echoed. */
function failureWords(err: unknown, smtp: SmtpSettings | null): string {
  let words = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR);
  if (smtp?.password) words = words.split(smtp.password).join('********');
  return words || 'the test email could not be sent, for no stated reason';
}
