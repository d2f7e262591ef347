import { describe, expect, it } from 'vitest';
import { settingsHarness } from '../../test/fakes/settings-harness';
import { DEFAULT_TEMPLATE } from './notification-settings';
import type { FieldProblem } from '../validation-problems';
import type { GroupEdits, SmtpEdits } from './edit-notification-settings';
import type { DomainSettingsView } from './notification-settings-view';

const SMTP = { host: 'mailer.acme.example', port: 587, user: 'notify', password: 's3cret-pw', from: 'Provisioning@Acme.example' };

describe('setDomainNotifications', () => {
  it("a domain's Administrator sets the Approval group: the domain gets settings of its own, the other groups from the template", async () => {
    const { core, deps, dora } = await settingsHarness();
    const view = await core.setDomainNotifications({
      actor: dora,
      domain: 'ACME.example',
      change: {
        kind: 'group',
        group: 'Approval',
        edits: { emails: ['Ops@Acme.example', 'lead@partner.example', 'ops@acme.example'], aggregationMinutes: 30, escalationMinutes: 120 },
      },
    });
    const stored = deps.notificationSettings.domains.get('acme.example')!;
    expect(stored.groups.Approval).toEqual({
      externalEmails: ['ops@acme.example', 'lead@partner.example'],
      chatDestinations: [],
      events: ['Approval'],
      aggregationMinutes: 30,
      escalationMinutes: 120,
    });
    expect(stored.groups.Shipping).toEqual(DEFAULT_TEMPLATE.groups.Shipping);
    expect(view).toMatchObject({ domain: 'acme.example', followsTemplate: false, groups: { Approval: { aggregationMinutes: 30 } } });
    expect(view.systemUsers.Approval.map((u) => u.name)).toEqual(['April Approver', 'Arthur Approver']);
  });

  it('adds and removes single addresses; removing one that is not there is refused and saves nothing', async () => {
    const { core, dora, stored } = await settingsHarness();
    const edit = (edits: GroupEdits) =>
      core.setDomainNotifications({ actor: dora, domain: 'acme.example', change: { kind: 'group', group: 'Shipping', edits } });
    await edit({ addEmails: ['a@x.example', 'b@x.example'] });
    const view = await edit({ removeEmails: ['A@x.example'], addEmails: ['c@x.example'] });
    expect(view.groups.Shipping.externalEmails).toEqual(['b@x.example', 'c@x.example']);
    const before = stored();
    await expect(edit({ removeEmails: ['nobody@x.example'] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'groups.Shipping.externalEmails', message: 'nobody@x.example is not on the list.' }] },
    });
    expect(stored()).toEqual(before);
  });

  it.each<[string, GroupEdits, FieldProblem]>([
    [
      'a window of 0',
      { aggregationMinutes: 0 },
      { field: 'groups.Approval.aggregationMinutes', message: 'Must be at least 1 minute, or off.' },
    ],
    [
      'a window over a week',
      { escalationMinutes: 8 * 24 * 60 },
      { field: 'groups.Approval.escalationMinutes', message: 'Must be at most a week (10080 minutes), or off.' },
    ],
    [
      'a malformed address',
      { emails: ['ok@x.example', 'not-an-address'] },
      { field: 'groups.Approval.externalEmails', message: '"not-an-address" is not an email address.' },
    ],
    [
      'an unknown event',
      { events: ['Approval', 'Billing'] },
      { field: 'groups.Approval.events', message: '"Billing" is not an event; choose from Approval, Assignment, Shipping, Receiving.' },
    ],
  ])('refuses %s, naming the field, and saves nothing at all', async (_what, edits, issue) => {
    const { core, dora, stored } = await settingsHarness();
    const before = stored();
    // The good value beside the bad one is not saved either.
    await expect(
      core.setDomainNotifications({
        actor: dora,
        domain: 'acme.example',
        change: { kind: 'group', group: 'Approval', edits: { ...edits, addEmails: ['fine@x.example'] } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [issue] } });
    expect(stored()).toEqual(before);
  });

  it('overrides SMTP for the domain, never showing the password; a later edit keeps it; off inherits the system again', async () => {
    const { core, deps, dora } = await settingsHarness();
    const smtp = (edits: SmtpEdits) =>
      core.setDomainNotifications({ actor: dora, domain: 'acme.example', change: { kind: 'smtp', edits } });
    const view = await smtp(SMTP);
    expect(view.smtp).toEqual({
      host: 'mailer.acme.example',
      port: 587,
      user: 'notify',
      passwordSet: true,
      from: 'provisioning@acme.example',
    });
    expect(JSON.stringify(view)).not.toContain('s3cret-pw');
    await smtp({ from: 'Orders@Acme.example' });
    expect(deps.notificationSettings.domains.get('acme.example')!.smtp).toEqual({ ...SMTP, from: 'orders@acme.example' });
    const off = await core.setDomainNotifications({ actor: dora, domain: 'acme.example', change: { kind: 'smtp-off' } });
    expect(off.smtp).toBeNull();
    expect(deps.notificationSettings.domains.get('acme.example')!.smtp).toBeNull();
  });

  it.each<[string, SmtpEdits]>([
    ['another host', { host: 'mx.attacker.example' }],
    ['another port', { port: 2525 }],
    ['another user name', { user: 'someone-else' }],
  ])(
    'saving %s without the password typed again clears it: a saved password only goes to its own server and user',
    async (_what, edits) => {
      const { core, deps, dora } = await settingsHarness();
      const smtp = (e: SmtpEdits) =>
        core.setDomainNotifications({ actor: dora, domain: 'acme.example', change: { kind: 'smtp', edits: e } });
      await smtp(SMTP);
      expect((await smtp(edits)).smtp).toMatchObject({ ...edits, passwordSet: false });
      expect(deps.notificationSettings.domains.get('acme.example')!.smtp?.password).toBeNull();
      // With the password typed, the new server keeps it.
      await smtp({ ...SMTP, ...edits, password: 'typed-again' });
      expect(deps.notificationSettings.domains.get('acme.example')!.smtp).toMatchObject({ ...edits, password: 'typed-again' });
    },
  );

  it("a domain's own mail server never inherits the system's password, even at the system's host and user", async () => {
    const { core, deps, ada, dora } = await settingsHarness();
    await core.setSystemNotifications({ actor: ada, change: { kind: 'smtp', edits: SMTP } });
    await core.setDomainNotifications({
      actor: dora,
      domain: 'acme.example',
      change: { kind: 'smtp', edits: { host: SMTP.host, port: SMTP.port, user: SMTP.user, from: 'p@acme.example' } },
    });
    expect(deps.notificationSettings.domains.get('acme.example')!.smtp?.password).toBeNull();
  });

  it.each<[string, SmtpEdits, FieldProblem]>([
    ['a port out of range', { ...SMTP, port: 70000 }, { field: 'smtp.port', message: 'Must be a port number from 1 to 65535.' }],
    [
      'a malformed from address',
      { ...SMTP, from: 'provisioning' },
      { field: 'smtp.from', message: '"provisioning" is not an email address.' },
    ],
    ['no host for a new override', { from: 'p@acme.example' }, { field: 'smtp.host', message: 'This is required.' }],
  ])('refuses SMTP with %s and saves nothing', async (_what, edits, issue) => {
    const { core, dora, stored } = await settingsHarness();
    const before = stored();
    await expect(
      core.setDomainNotifications({ actor: dora, domain: 'acme.example', change: { kind: 'smtp', edits } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [issue] },
    });
    expect(stored()).toEqual(before);
  });

  it('takes a whole document as the API sends it: no password keeps the stored one, null clears it, unknown keys are refused', async () => {
    const { core, deps, ada } = await settingsHarness();
    await core.setDomainNotifications({ actor: ada, domain: 'acme.example', change: { kind: 'smtp', edits: SMTP } });
    const shown = (await core.getNotificationSettings({
      actor: ada,
      scope: { kind: 'domain', domain: 'acme.example' },
    })) as DomainSettingsView;
    // What GET gave back, sent again with one change: the password stays.
    const document = {
      ...structuredClone(shown),
      groups: { ...shown.groups, Receiving: { ...shown.groups.Receiving, aggregationMinutes: 60 } },
    };
    await core.setDomainNotifications({ actor: ada, domain: 'acme.example', change: { kind: 'document', document } });
    const saved = deps.notificationSettings.domains.get('acme.example')!;
    expect(saved.smtp?.password).toBe('s3cret-pw');
    expect(saved.groups.Receiving.aggregationMinutes).toBe(60);

    // The same document naming another server: the password is not carried to it.
    await core.setDomainNotifications({
      actor: ada,
      domain: 'acme.example',
      change: { kind: 'document', document: { ...document, smtp: { ...document.smtp, host: 'mx.elsewhere.example' } } },
    });
    expect(deps.notificationSettings.domains.get('acme.example')!.smtp).toMatchObject({ host: 'mx.elsewhere.example', password: null });

    await core.setDomainNotifications({ actor: ada, domain: 'acme.example', change: { kind: 'smtp', edits: SMTP } });
    await core.setDomainNotifications({
      actor: ada,
      domain: 'acme.example',
      change: { kind: 'document', document: { ...document, smtp: { ...document.smtp, password: null } } },
    });
    expect(deps.notificationSettings.domains.get('acme.example')!.smtp?.password).toBeNull();

    await expect(
      core.setDomainNotifications({
        actor: ada,
        domain: 'acme.example',
        change: { kind: 'document', document: { ...document, colour: 'red' } },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'request', message: '"colour" is not expected here.' }] },
    });
  });

  it('only Administrators of the domain (or of every domain) may', async () => {
    const { core, as, dora, ada, stored } = await settingsHarness();
    const change = { kind: 'group' as const, group: 'Approval' as const, edits: { aggregationMinutes: 10 } };
    await expect(core.setDomainNotifications({ actor: as('olive'), domain: 'acme.example', change })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'change the notification settings of acme.example', reason: 'it needs the Administrator role in acme.example' },
    });
    await expect(core.setDomainNotifications({ actor: dora, domain: 'other.example', change })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    const before = stored();
    expect(before.domains).toEqual([]);
    await core.setDomainNotifications({ actor: ada, domain: 'other.example', change });
    expect(stored().domains.map(([d]) => d)).toEqual(['other.example']);
  });
});

describe('chat destinations in a settings document', () => {
  it('may be kept or removed, never added: a channel is registered from inside it', async () => {
    const h = await settingsHarness();
    const channel = { platform: 'slack' as const, address: 'C0SHIP', label: '#shipping' };
    await h.core.registerChatDestination({
      actor: h.dora,
      scope: { kind: 'domain', domain: 'acme.example', group: 'Shipping' },
      destination: channel,
    });
    const before = await h.deps.notificationSettings.findDomain('acme.example');
    const view = (await h.core.getNotificationSettings({
      actor: h.dora,
      scope: { kind: 'domain', domain: 'acme.example' },
    })) as DomainSettingsView;
    const forged = { platform: 'teams', address: JSON.stringify({ serviceUrl: 'https://attacker.example/' }), label: 'Ops' };
    const document = { ...view, groups: { ...view.groups, Approval: { ...view.groups.Approval, chatDestinations: [forged] } } };
    await expect(
      h.core.setDomainNotifications({ actor: h.dora, domain: 'acme.example', change: { kind: 'document', document } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'groups.Approval.chatDestinations', message: expect.stringContaining('"Ops" is not registered') }] },
    });
    expect(await h.deps.notificationSettings.findDomain('acme.example')).toEqual(before);

    const removed = { ...view, groups: { ...view.groups, Shipping: { ...view.groups.Shipping, chatDestinations: [] } } };
    const saved = await h.core.setDomainNotifications({
      actor: h.dora,
      domain: 'acme.example',
      change: { kind: 'document', document: removed },
    });
    expect(saved.groups.Shipping.chatDestinations).toEqual([]);
  });
});
