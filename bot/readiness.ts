/**
 * Whether this process takes new work. It turns to draining once, when the process is
 * told to stop (a rolling restart): /readyz then answers 503 so a load balancer sends
 * traffic elsewhere, and new requests are refused (bot/in-flight-requests.ts).
 */
export interface Readiness {
  readonly draining: boolean;
  drain(): void;
}

export function createReadiness(): Readiness {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    drain() {
      draining = true;
    },
  };
}
