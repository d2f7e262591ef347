/** What the signal handler drives: a graceful stop, and how the process ends. */
export interface ShutdownParts {
  /** The graceful stop (RunningBot.stop). */
  stop(): Promise<void>;
  graceMs: number;
  exit(code: number): void;
  /** One line for the operator (stderr). */
  say(line: string): void;
  /** Timers, injectable so a test drives the grace period. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * The answer to SIGTERM and SIGINT for a rolling restart: the first signal starts the
 * graceful stop and exits 0 when it is done; the end of the grace period, or a second
 * signal, exits at once with 1. Nothing is lost either way: the outbox keeps every
 * notice not sent, and a send cut off is taken over by another process after its lease
 * (in doubt: Slack is searched for it before posting again).
 */
export function createShutdown(p: ShutdownParts): (signal: string) => void {
  const setTimer = p.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = p.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
  let stopping = false;
  let exited = false;
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    p.exit(code);
  };
  return (signal) => {
    if (stopping) {
      p.say(`${signal} again: exiting now; what was not sent stays in the outbox for the other processes`);
      return exit(1);
    }
    stopping = true;
    p.say(`${signal}: stopping provbot (at most ${p.graceMs} ms; send the signal again to exit at once)`);
    const timer = setTimer(() => {
      p.say(`provbot did not stop within ${p.graceMs} ms (SHUTDOWN_GRACE_MS): exiting now; what was not sent stays in the outbox`);
      exit(1);
    }, p.graceMs);
    p.stop().then(
      () => {
        clearTimer(timer);
        exit(0);
      },
      (err: unknown) => {
        clearTimer(timer);
        p.say(`provbot failed to stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
        exit(1);
      },
    );
  };
}

/** Installs the handler on this process's SIGTERM and SIGINT (npm start, and the e2e tests' bot processes). */
export function exitOnSignals(bot: { stop(): Promise<void> }, graceMs: number): void {
  const onSignal = createShutdown({
    stop: () => bot.stop(),
    graceMs,
    exit: (code) => process.exit(code),
    say: (line) => console.error(line),
  });
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}
