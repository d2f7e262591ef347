import { describe, expect, it } from 'vitest';
import type { Core } from '../../core/index';
import { APPROVER } from '../../test/fixtures/workflow-values';
import { viewToText } from '../presenters/view';
import { runCommand } from './run-command';

/** A core whose listings hold one template and one customer; records which use cases ran. */
function coreWith() {
  const calls: string[] = [];
  const answers: Record<string, unknown> = {
    listTemplates: [{ id: 'tpl-1', name: 'Retail calling', customerCount: 0 }],
    listCustomers: [{ id: 'cus-1', name: 'Globex' }],
  };
  const core = new Proxy(
    {},
    {
      get: (_t, name: string) => async () => {
        calls.push(name);
        return answers[name];
      },
    },
  ) as unknown as Core;
  return { core, calls };
}

describe('onboarding commands by name', () => {
  it('names the closest template when none has the name typed, and how to list them', async () => {
    const { core } = coreWith();
    const text = viewToText((await runCommand(core, APPROVER, 'template retail caling', '/prov ')) as never);
    expect(text).toContain('I can\'t find an onboarding template named "retail caling" in your domains. Did you mean Retail calling?');
    expect(text).toContain('"/prov templates" lists them.');
  });

  it('opens the customer form only when a template exists, else says to make one first', async () => {
    const { core } = coreWith();
    expect(await runCommand(core, APPROVER, 'customer create', '/prov ')).toMatchObject({
      kind: 'open-onboarding-form',
      form: { form: 'customer' },
    });
    const none = new Proxy({}, { get: () => async () => [] }) as unknown as Core;
    expect(viewToText((await runCommand(none, APPROVER, 'customer create', '/prov ')) as never)).toContain(
      '"/prov template create" makes one first',
    );
  });

  it('answers customer users <customer> with how to share the CSV file, calling nothing', async () => {
    const { core, calls } = coreWith();
    const text = viewToText((await runCommand(core, APPROVER, 'customer users Globex', '/prov ')) as never);
    expect(text).toContain('Add users to Globex from a CSV file');
    expect(text).toContain('with the message "customer users Globex"');
    expect(calls).toEqual([]);
  });

  it('points a provisioned customer to customer users, and not one whose organization does not exist yet', async () => {
    const customer = {
      id: 'cus-1',
      name: 'Globex',
      status: 'provisioned',
      orgId: 'org-1',
      adminEmail: 'a@g.example',
      packages: [],
      packageResults: [],
      locations: [],
    };
    const answers = { listCustomers: [customer], getCustomer: customer };
    const core = new Proxy({}, { get: (_t, name: string) => async () => answers[name as keyof typeof answers] }) as unknown as Core;
    expect(viewToText((await runCommand(core, APPROVER, 'customer Globex', '/prov ')) as never)).toContain(
      'Add its users from a CSV file: "/prov customer users Globex" says how.',
    );
    const pending = { ...customer, status: 'provisioning', orgId: null };
    const later = new Proxy(
      {},
      { get: (_t, name: string) => async () => (name === 'listCustomers' ? [pending] : pending) },
    ) as unknown as Core;
    expect(viewToText((await runCommand(later, APPROVER, 'customer Globex', '/prov ')) as never)).not.toContain('customer users');
  });
});
