import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { signedHeaders } from './slack/slack-signing';

export interface LoadResult {
  /** Milliseconds from sending the request to the end of the HTTP response (Slack's view of the ack), ascending. */
  latencies: number[];
  /** Responses that were not 200. */
  failures: number;
}

/**
 * Sends `count` signed POSTs with `concurrency` in flight over keep-alive
 * connections, as Slack's edge would. Each body is built and signed before its
 * clock starts, so only the server's work is measured.
 */
export async function sendSignedLoad(o: {
  url: string;
  secret: string;
  count: number;
  concurrency: number;
  body: (i: number) => string;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < o.count) {
      const body = o.body(next++);
      const headers = { ...signedHeaders(o.secret, body), 'content-length': String(Buffer.byteLength(body)) };
      const { status, elapsed } = await post(o.url, agent, headers, body);
      latencies.push(elapsed);
      if (status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

/** One POST; `elapsed` runs from the write to the end of the response. */
export function post(
  url: string,
  agent: Agent,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; elapsed: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, elapsed: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Open-loop load: request i leaves at start + i/rate whether or not earlier ones
 * were answered, as commands from many Slack users would. Latency counts from the
 * scheduled time, so a stalled server is not hidden by a stalled sender.
 */
export async function sendPacedSignedLoad(o: {
  url: string;
  secret: string;
  count: number;
  perSecond: number;
  body: (i: number) => string;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let failures = 0;
  const start = performance.now() + 10;
  const sends: Promise<void>[] = [];
  for (let i = 0; i < o.count; i++) {
    const due = start + (i * 1000) / o.perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const body = o.body(i);
    const headers = { ...signedHeaders(o.secret, body), 'content-length': String(Buffer.byteLength(body)) };
    sends.push(
      post(o.url, agent, headers, body).then(({ status }) => {
        latencies.push(performance.now() - due);
        if (status !== 200) failures++;
      }),
    );
  }
  await Promise.all(sends);
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), failures };
}
