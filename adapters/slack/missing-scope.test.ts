import { describe, expect, it } from 'vitest';
import { missingScope, missingScopeView } from './missing-scope';

/** A WebClient platform error as @slack/web-api builds it: the whole answer in `data`. */
const platformError = (data: Record<string, unknown>) =>
  Object.assign(new Error(`An API error occurred: ${String(data.error)}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, ...data },
  });

describe('missingScope', () => {
  it("reads the scope Slack says was needed, or the call's own when Slack names none", () => {
    expect(missingScope(platformError({ error: 'missing_scope', needed: 'files:write', provided: 'chat:write' }), 'files:write')).toBe(
      'files:write',
    );
    expect(missingScope(platformError({ error: 'missing_scope' }), 'files:write')).toBe('files:write');
    expect(missingScope(platformError({ error: 'missing_scope', needed: '<b>x</b>' }), 'files:write')).toBe('files:write');
  });

  it('is null for any other error', () => {
    expect(missingScope(platformError({ error: 'not_in_channel' }), 'files:write')).toBeNull();
    expect(missingScope(new Error('socket hang up'), 'files:write')).toBeNull();
    expect(missingScope(null, 'files:write')).toBeNull();
  });
});

describe('missingScopeView', () => {
  it('names the permission and the fix in one sentence, with no error code', () => {
    const view = missingScopeView('post the order summary PDF here', 'files:write');
    expect(view.paragraphs).toEqual([
      "I couldn't post the order summary PDF here because provbot's Slack app lacks the files:write permission: ask a Slack workspace admin to add the files:write bot token scope to provbot under OAuth & Permissions and reinstall the app, then try again.",
    ]);
  });
});
