import { describe, expect, it } from 'vitest';
import { TEMPLATE_SMTP_REFUSAL } from '../../../core/index';
import { parseCommand } from './parse-command';

const action = (text: string) => {
  const r = parseCommand(text);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.problem}`);
  if (r.command.kind !== 'notify') throw new Error(`not a notify command: ${r.command.kind}`);
  return r.command.action;
};
const problem = (text: string) => {
  const r = parseCommand(text);
  if (r.ok) throw new Error(`expected "${text}" to be refused`);
  return r.problem;
};

describe('notify commands', () => {
  it.each([
    ['notify', { kind: 'help' }],
    ['notify show', { kind: 'show', scope: null }],
    ['notify show System', { kind: 'show', scope: { kind: 'system' } }],
    ['notify show <http://ACME.example|ACME.example>', { kind: 'show', scope: { kind: 'domain', domain: 'acme.example' } }],
    [
      'notify set acme.example Approval emails=<mailto:a@x.example|a@x.example>, b@x.example aggregation=30m escalation=2h',
      {
        kind: 'set-domain',
        domain: 'acme.example',
        change: {
          kind: 'group',
          group: 'Approval',
          edits: { emails: ['a@x.example', 'b@x.example'], aggregationMinutes: 30, escalationMinutes: 120 },
        },
      },
    ],
    [
      'notify set acme.example shipping add-email=c@x.example add-email=d@x.example remove-email=a@x.example events=shipping,RECEIVING escalation=off',
      {
        kind: 'set-domain',
        domain: 'acme.example',
        change: {
          kind: 'group',
          group: 'Shipping',
          edits: {
            addEmails: ['c@x.example', 'd@x.example'],
            removeEmails: ['a@x.example'],
            events: ['Shipping', 'Receiving'],
            escalationMinutes: null,
          },
        },
      },
    ],
    [
      'notify set template receiving aggregation=1d apply=all',
      { kind: 'set-template', change: { kind: 'group', group: 'Receiving', edits: { aggregationMinutes: 1440 } }, applyTo: 'all' },
    ],
    [
      'notify set system administration events=order-failure aggregation=90',
      { kind: 'set-system', change: { kind: 'administration', edits: { events: ['order-failure'], aggregationMinutes: 90 } } },
    ],
    [
      'notify set acme.example smtp host=mx.acme.example port=587 user=bot password="pa ss=word" from=<mailto:p@acme.example|p@acme.example>',
      {
        kind: 'set-domain',
        domain: 'acme.example',
        change: {
          kind: 'smtp',
          edits: { host: 'mx.acme.example', port: 587, user: 'bot', password: 'pa ss=word', from: 'p@acme.example' },
        },
      },
    ],
    ['notify set acme.example smtp off', { kind: 'set-domain', domain: 'acme.example', change: { kind: 'smtp-off' } }],
    ['notify set system smtp port=default user=', { kind: 'set-system', change: { kind: 'smtp', edits: { port: null, user: null } } }],
    [
      'notify set system url protocol=HTTPS host=prov.example port=8443',
      { kind: 'set-system', change: { kind: 'content-url', edits: { protocol: 'https', host: 'prov.example', port: 8443 } } },
    ],
    ['notify set system url off', { kind: 'set-system', change: { kind: 'content-url-off' } }],
    ['notify set system billing-reminder days=5', { kind: 'set-system', change: { kind: 'billing-reminder', days: 5 } }],
    ['notify set system billing-reminder days=off', { kind: 'set-system', change: { kind: 'billing-reminder', days: null } }],
    ['notify test me@x.example', { kind: 'test-email', to: 'me@x.example', scope: { kind: 'system' } }],
    ['notify test me@x.example template', { kind: 'test-email', to: 'me@x.example', scope: { kind: 'system' } }],
    [
      'notify test me@x.example acme.example smtp port=2525',
      { kind: 'test-email', to: 'me@x.example', scope: { kind: 'domain', domain: 'acme.example' }, smtp: { port: 2525 } },
    ],
    [
      'notify test me@x.example host=mx.example',
      { kind: 'test-email', to: 'me@x.example', scope: { kind: 'system' }, smtp: { host: 'mx.example' } },
    ],
    [
      'notify test channel acme.example approval',
      { kind: 'test-channel', scope: { kind: 'domain', domain: 'acme.example', group: 'Approval' } },
    ],
    ['notify outbox', { kind: 'outbox', retry: null }],
    ['notify outbox Retry', { kind: 'outbox', retry: { id: null } }],
    ['notify outbox retry 0b6e1c3a-57d4-4f0e-9a41-2f7c9d8e1a22', { kind: 'outbox', retry: { id: '0b6e1c3a-57d4-4f0e-9a41-2f7c9d8e1a22' } }],
    [
      'notify channel here acme.example receiving',
      { kind: 'channel', op: 'here', scope: { kind: 'domain', domain: 'acme.example', group: 'Receiving' } },
    ],
    ['notify channel remove system administration', { kind: 'channel', op: 'remove', scope: { kind: 'system' } }],
  ])('%s', (text, expected) => {
    expect(action(text)).toEqual(expected);
  });

  it.each([
    ['notify frob', '"notify" takes show, set, test, channel or outbox; got "frob". Say "notify help" for the details.'],
    ['notify set acme.example approval aggregation=soon', 'aggregation takes a window like 30m, 2h or 1d, or off; got "soon".'],
    [
      'notify set acme.example approval colour=red',
      '"colour" is not a setting here; the settings are emails, add-email, remove-email, events, aggregation, escalation.',
    ],
    [
      'notify set acme.example approval',
      'Say what to set as key=value, e.g. notify set acme.example approval emails=ops@example.com aggregation=30m.',
    ],
    [
      'notify set acme.example billing aggregation=1h',
      '"billing" is not a group; the groups are approval, assignment, shipping, receiving, and smtp for the mail server.',
    ],
    ['notify set template smtp host=mx.example', `${TEMPLATE_SMTP_REFUSAL}: notify set <domain> smtp ... or notify set system smtp ....`],
    ['notify set system administration escalation=1h', 'escalation is for the domain groups only: system events are not escalated.'],
    [
      'notify set system approval emails=a@x.example',
      "The Approval group is a domain's: notify set <domain> approval ... or notify set template approval ....",
    ],
    ['notify set acme.example smtp port=smtp', 'port takes a port number from 1 to 65535, or default; got "smtp".'],
    ['notify set acme.example approval emails=a@x.example emails=b@x.example', 'emails is given twice.'],
    ['notify outbox flush', '"notify outbox" takes nothing, "retry", or "retry" and an id: notify outbox [retry [<id>]].'],
    ['notify outbox retry a b', '"notify outbox" takes nothing, "retry", or "retry" and an id: notify outbox [retry [<id>]].'],
    ['notify outbox retry <all>', '"<all>" is not an outbox id; "notify outbox" lists each notice given up on with its id.'],
    [
      'notify channel here acme.example',
      'Say which group of acme.example: approval, assignment, shipping or receiving (notify channel here <domain> <group>).',
    ],
    [
      'notify test',
      '"notify test" takes the address to send a test email to: notify test <email> [<domain>|system] [smtp key=value ...], or notify test channel <domain> <group>.',
    ],
  ])('refuses %s, saying what is wrong', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });
});
