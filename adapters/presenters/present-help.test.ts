import { describe, expect, it } from 'vitest';
import { parseCommand } from '../chat/commands/parse-command';
import { COMMAND_MENU, presentMistake, USAGE } from './present-help';

const verbs = USAGE.map((u) => u.split(/[ :]/)[0]!);

describe('help', () => {
  it('has one usage line per verb, and every verb it names is one the parser knows', () => {
    expect(new Set(verbs).size).toBe(verbs.length);
    for (const verb of verbs) {
      const r = parseCommand(verb);
      expect(r.ok || r.verb === verb).toBe(true);
    }
  });

  it("the Teams command menu is at most 10 of the help's verbs", () => {
    expect(COMMAND_MENU.length).toBeLessThanOrEqual(10);
    for (const verb of COMMAND_MENU) expect(verbs).toContain(verb);
  });

  it('shows a mistake as its one sentence and the usage of that command, not the whole list', () => {
    const view = presentMistake('/prov ', '"ada@" is not a valid email: Invalid email.', 'contact');
    expect(view.paragraphs).toEqual([
      '"ada@" is not a valid email: Invalid email.',
      'Usage: /prov contact <order> <line>|all <new-email>: change the provisioning contact and send them the provisioning email',
    ]);
  });

  it('points to help when the verb is unknown', () => {
    expect(presentMistake('', 'I don\'t know "xyzzy".').paragraphs).toEqual([
      'I don\'t know "xyzzy".',
      'Type "help" to see every command.',
    ]);
  });
});
