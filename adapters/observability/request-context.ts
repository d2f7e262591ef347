import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id of the request or delivery being handled, kept across awaits
 * (AsyncLocalStorage), so the logger stamps it on every line without each call site
 * passing a child logger along. `label` names what the request was (a command word, a
 * button), for the ack-latency metric; the listener that parses the request sets it.
 */
interface RequestContext {
  correlationId: string;
  label: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function withCorrelation<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId, label: null }, work);
}

/** A context to run work in, and to read back (its label) once the request is answered. */
export function openRequestContext(correlationId: string) {
  const context: RequestContext = { correlationId, label: null };
  return {
    correlationId,
    get label() {
      return context.label;
    },
    run: <T>(work: () => T): T => storage.run(context, work),
  };
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Names the request being handled (a bounded label: see command-label.ts). */
export function labelRequest(label: string): void {
  const store = storage.getStore();
  if (store) store.label = label;
}

export function requestLabel(): string | null {
  return storage.getStore()?.label ?? null;
}

/**
 * Work started by a request but not part of it (the dispatcher a change wakes up):
 * its lines carry their own ids (a delivery's), not the request's.
 */
export function outsideRequests<T>(work: () => T): T {
  return storage.exit(work);
}

/**
 * Work queued now and run later (after a Slack ack) keeps the id of the request that
 * queued it, not of whichever request happens to start it.
 */
export function keepCorrelation<T extends (...args: never[]) => unknown>(fn: T): T {
  return AsyncLocalStorage.bind(fn);
}

/**
 * An incoming X-Request-Id is reused only when it is short and plain (letters, digits,
 * `-`, `_`, `.`, `:`), so nobody can write line breaks, markup or a megabyte into our
 * logs through it; anything else gets a fresh id.
 */
export function correlationIdFrom(incoming: string | undefined): string {
  if (incoming && /^[A-Za-z0-9._:-]{8,100}$/.test(incoming)) return incoming;
  return newCorrelationId();
}

export const newCorrelationId = (): string => randomUUID();
