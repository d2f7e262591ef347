import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command';
import { COMMAND_MENU, presentHelp, USAGE } from './present-help';

const verbs = USAGE.map((u) => u.split(/[ :]/)[0]!);

describe('help', () => {
  it('has one usage line per verb, and every verb it names is one the parser knows', () => {
    expect(new Set(verbs).size).toBe(verbs.length);
    for (const verb of verbs) {
      const r = parseCommand(verb);
      expect(r.ok || !/I don't know/.test(r.problem ?? '')).toBe(true);
    }
  });

  it("the Teams command menu is at most 10 of the help's verbs", () => {
    expect(COMMAND_MENU.length).toBeLessThanOrEqual(10);
    for (const verb of COMMAND_MENU) expect(verbs).toContain(verb);
  });

  it('shows the problem first when the input was wrong', () => {
    const view = presentHelp('/prov ', '"cancel" takes 1 argument: cancel <productId>.');
    expect(view.title).toBe('Usage');
    expect(view.paragraphs[0]).toBe('"cancel" takes 1 argument: cancel <productId>.');
    expect(view.paragraphs).toContain(
      '/prov order [<login> <product or bundle> [key=value ...]]: place an order; alone, it opens the order form',
    );
  });
});
