import http from 'node:http';
import https from 'node:https';

/** Posts one reply to a request's response_url. */
export type Respond = (message: Record<string, unknown>) => Promise<void>;

// Keep-alive: replies go to the same host (hooks.slack.com) over and over.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
const TIMEOUT_MS = 10_000;

/**
 * A reply through the response_url Slack sent with a command or a click (valid
 * for 30 minutes and 5 replies: https://docs.slack.dev/interactivity/handling-user-interaction#message_responses).
 * Not Bolt's `respond`: that one goes through fetch, which cost about 0.7 ms of CPU
 * a reply in `npm run bench` profiles, more than the command's own work; this is a
 * plain keep-alive POST. The URL comes from a signed request (or the Socket Mode
 * connection), yet is still checked to be http(s).
 */
export function responseUrl(url: unknown): Respond {
  return async (message) => {
    const target = parse(url);
    const body = JSON.stringify(message);
    const status = await post(target, body);
    // Slack answers 404 with expired_url or used_url; the body is not worth reading.
    if (status < 200 || status >= 300) throw new Error(`response_url answered HTTP ${status}`);
  };
}

function parse(url: unknown): URL {
  const target = typeof url === 'string' && URL.canParse(url) ? new URL(url) : null;
  if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:'))
    throw new Error('the request carried no usable response_url');
  return target;
}

function post(target: URL, body: string): Promise<number> {
  const agent = agents[target.protocol as keyof typeof agents];
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        agent,
        timeout: TIMEOUT_MS,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error(`response_url did not answer within ${TIMEOUT_MS} ms`)));
    req.once('error', reject);
    req.end(body);
  });
}
