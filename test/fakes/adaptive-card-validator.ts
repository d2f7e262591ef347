import { createRequire } from 'node:module';
import type * as ACTypes from 'adaptivecards';

// The package's ES entry imports its modules without file extensions, which Node refuses;
// its UMD bundle loads in Node and has the same API (typed by the ES entry's declarations).
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

/**
 * Teams' host config as the Adaptive Cards designer ships it (microsoft-teams-light):
 * the parts validation reads. Teams renders at most 6 card actions.
 */
const TEAMS_HOST_CONFIG = new AC.HostConfig({
  supportsInteractivity: true,
  actions: { maxActions: 6 },
  adaptiveCard: { allowCustomStyle: false },
});

/**
 * A card checked as Teams would take it: parsed by the `adaptivecards` library for
 * schema 1.5 with Teams' host config (unknown element or action types, bad enum values,
 * duplicate ids, too many actions, required inputs without label or error message, and
 * the rest of validateProperties), plus the 1.5 version Teams bots may send. One line a
 * problem; empty when the card is good.
 */
export function adaptiveCardProblems(card: unknown): string[] {
  const json = card as Record<string, unknown>;
  const problems: string[] = [];
  if (json?.type !== 'AdaptiveCard') return ['type: not an AdaptiveCard'];
  if (typeof json.version !== 'string' || !/^1\.[0-5]$/.test(json.version))
    problems.push(`version: ${String(json.version)}; Teams takes 1.0 to 1.5`);
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = TEAMS_HOST_CONFIG;
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(describe(context.getEventAt(i)));
  for (const event of parsed.validateProperties().validationEvents) problems.push(describe(event));
  return problems;
}

function describe(event: ACTypes.IValidationEvent): string {
  return `${AC.ValidationEvent[event.event]}: ${event.message}`;
}
