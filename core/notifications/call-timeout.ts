/**
 * A send that did not answer in time. Its outcome is unknown: the far side may still
 * store it (Slack answering after the client gave up), so the next attempt is in doubt.
 */
export class CallTimedOut extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'CallTimedOut';
  }
}

/** `call`, or CallTimedOut after `ms`: one hung call must not hold its lane (and its claim) for ever. */
export async function withinTimeout<T>(what: string, ms: number, call: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CallTimedOut(what, ms)), ms);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
