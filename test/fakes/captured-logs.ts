/** A log destination that keeps each line the bot writes, parsed, for a test to read. */
export function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  };
}
