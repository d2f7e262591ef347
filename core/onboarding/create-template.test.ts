import { describe, expect, it } from 'vitest';
import { onboardingHarness, PARTNER, templateInput } from '../../test/fixtures/onboarding';

describe('createTemplate', () => {
  it('stores the template with a generated Provisioning ID that stays the same when read again', async () => {
    const h = await onboardingHarness();
    const created = await h.template({ pstnVendor: 'Acme PSTN' });
    expect(created).toMatchObject({ domain: PARTNER, name: 'Retail calling', authenticationMethod: 'webex', pstnVendor: 'Acme PSTN' });
    expect(created.customerCount).toBe(0);
    expect(created.provisioningId).toMatch(/^[0-9a-f-]{36}$/);

    const read = await h.core.getTemplate({ actor: h.as('olive'), templateId: created.id });
    expect(read.provisioningId).toBe(created.provisioningId);
    const listed = await h.core.listTemplates({ actor: h.as('olive') });
    expect(listed.map((t) => [t.name, t.customerCount])).toEqual([['Retail calling', 0]]);
  });

  it('refuses a second template of the same name in the domain, in any case, but not in another domain', async () => {
    const h = await onboardingHarness();
    await h.template();
    await expect(h.template({ name: 'RETAIL CALLING' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = await h.core.createTemplate({ actor: h.as('otto'), template: templateInput({ domain: 'other.example' }) });
    expect(other.domain).toBe('other.example');
    expect(h.deps.templates.templates.size).toBe(2);
  });

  it('lets only an Administrator of the domain create one: a member asks its administrators, a stranger is refused', async () => {
    const h = await onboardingHarness();
    await expect(h.core.createTemplate({ actor: h.as('olive'), template: templateInput() })).rejects.toMatchObject({
      code: 'ADMIN_APPROVAL_REQUESTED',
      details: { administrators: ['Paula Partner'], state: 'sent' },
    });
    await expect(h.core.createTemplate({ actor: h.as('otto'), template: templateInput() })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(h.deps.templates.templates.size).toBe(0);
  });

  it('names each bad field in a sentence of its own', async () => {
    const h = await onboardingHarness();
    const bad = templateInput({ authenticationMethod: 'ldap', timezone: 'Mars/Olympus', language: 'English', name: '' });
    const err = await h.core.createTemplate({ actor: h.as('paula'), template: bad }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    const fields = (err as { details: { fields: { field: string; message: string }[] } }).details;
    expect(fields.fields.map((f) => f.field).sort()).toEqual(['authenticationMethod', 'language', 'name', 'timezone']);
    expect(fields.fields.map((f) => f.message)).toContain('The authentication method must be Webex or SSO.');
    expect(h.deps.templates.templates.size).toBe(0);
  });

  it('refuses an add-on without a calling package', async () => {
    const h = await onboardingHarness();
    await expect(h.template({ packages: ['webex_meetings', 'attendant_console'] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'packages', message: expect.stringContaining('attendant_console is an add-on') }] },
    });
  });

  it('hides a template of a domain the reader has no role in', async () => {
    const h = await onboardingHarness();
    const created = await h.template();
    await expect(h.core.getTemplate({ actor: h.as('otto'), templateId: created.id })).rejects.toMatchObject({ code: 'TEMPLATE_NOT_FOUND' });
    await expect(h.core.getTemplate({ actor: h.as('paula'), templateId: 'tpl-nope' })).rejects.toMatchObject({
      code: 'TEMPLATE_NOT_FOUND',
    });
    expect(await h.core.listTemplates({ actor: h.as('otto') })).toEqual([]);
  });
});
