/**
 * Payloads the recording Slack API and Bot Framework connector received that Slack or
 * Teams would refuse. The fakes answer as the platform does, and also record here, so a
 * test whose bot sent one fails even when the bot shrugs the refusal off: the setup file
 * test/setup/payload-problems.setup.ts fails the test (and the file) that leaves any behind.
 * Kept on globalThis so every module instance of a test file shares the one list.
 */
const KEY = Symbol.for('provbot.payloadProblems');
const store = globalThis as unknown as Record<symbol, string[] | undefined>;
const list = (): string[] => (store[KEY] ??= []);

export function recordPayloadProblems(where: string, problems: readonly string[]): void {
  for (const p of problems) list().push(`${where}: ${p}`);
}

/** The problems recorded so far, forgotten once taken (a test of a validator takes its own). */
export function takePayloadProblems(): string[] {
  return list().splice(0);
}
