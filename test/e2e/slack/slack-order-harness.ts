import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import type { SlackApiCall } from '../../../scripts/bench/slack/recording-slack-api';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import type { SlackUserRef } from '../../../scripts/bench/slack/slack-signing';
import { SocketModeServer } from '../../fakes/socket-mode-server';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBotOptions } from '../../fakes/test-bot';
import { buttonClickBody, freshTriggerId, viewSubmissionBody } from '../../../scripts/bench/slack/slack-interactions';
import type { PostedButton, Typed } from '../../../scripts/bench/slack/slack-interactions';

export const SECRET = 'e2e-order-signing-secret-0123456789';
export const DOMAIN = 'acme.example';

/** Directory users, each with a Slack id: who orders, who approves and who assigns (two of each), and one with no step role. */
export const PEOPLE = {
  olga: { email: 'olga.orderer@acme.example', name: 'Olga Orderer', slackUserId: 'UOLGA', roles: [{ role: 'Ordering', domain: DOMAIN }] },
  ann: { email: 'ann.approver@acme.example', name: 'Ann Approver', slackUserId: 'UANN', roles: [{ role: 'Approval', domain: DOMAIN }] },
  abe: { email: 'abe.approver@acme.example', name: 'Abe Approver', slackUserId: 'UABE', roles: [{ role: 'Approval', domain: DOMAIN }] },
  al: { email: 'al.assigner@acme.example', name: 'Al Assigner', slackUserId: 'UAL', roles: [{ role: 'Assignment', domain: DOMAIN }] },
  aly: { email: 'aly.assigner@acme.example', name: 'Aly Assigner', slackUserId: 'UALY', roles: [{ role: 'Assignment', domain: DOMAIN }] },
  otto: { email: 'otto.outsider@acme.example', name: 'Otto Outsider', slackUserId: 'UOTTO', roles: [{ role: 'Ordering', domain: DOMAIN }] },
} as const;
export type Person = keyof typeof PEOPLE;

export const JANE = {
  login: 'jdoe',
  domain: DOMAIN,
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane.doe@acme.example',
  phoneNumber: '5551234',
  department: 'Sales',
};

/** A message the bot posted, as a test clicks it. */
export interface Posted {
  channel: string;
  ts: string;
  text: string;
  call: SlackApiCall;
}

export type SlackOrderE2E = Awaited<ReturnType<typeof startSlackOrderE2E>>;

export const APP_TOKEN = 'xapp-1-order-e2e';
/**
 * Socket Mode tests reconnect after 3 s, not the Slack SDK's 5 s. Not less: the same number is
 * the pong timeout (the client pings every third of it and drops the socket when the last pong
 * is older than it), and the bot's event loop, busy with a first query or command, stalled for
 * longer than that at 100 ms and at 1000 ms on this machine: the socket dropped and an envelope
 * sent just before was lost.
 */
const SOCKET_PING_TIMEOUT_MS = '3000';

/**
 * The real bot (test-bot: HTTP server, SQLite file, outbox) with Slack on, its Web API
 * at a recording server; the directory, the subscriber and the domain's rules are set
 * through the REST API as an administrator would. `transport: 'socket'` runs Slack in
 * Socket Mode: requests go as envelopes over a local WebSocket (socket-mode-server.ts)
 * and their answers come back in the acks, where HTTP has the response body.
 */
export async function startSlackOrderE2E(
  rules: Record<string, unknown>,
  env: Record<string, string> = {},
  options: TestBotOptions = {},
  transport: 'http' | 'socket' = 'http',
) {
  const api = await RecordingSlackApi.start();
  const socket = transport === 'socket' ? await SocketModeServer.start() : null;
  if (socket) api.socketModeUrl = () => socket.nextUrl();
  const socketEnv: Record<string, string> = socket
    ? { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SOCKET_PING_TIMEOUT_MS: SOCKET_PING_TIMEOUT_MS }
    : {};
  const bot = await startTestBot(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-order-e2e', SLACK_API_URL: `${api.url}/api/`, ...socketEnv, ...env },
    options,
  );
  const must = async (method: string, path: string, body: unknown) => {
    const res = await bot.api(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  for (const p of Object.values(PEOPLE)) await must('POST', '/api/users', p);
  await must('POST', '/api/subscribers', JANE);
  await must('PUT', `/api/domains/${DOMAIN}/rules`, rules);
  const events = `${bot.url}/slack/events`;
  const slackUser = (who: Person): SlackUserRef => ({ id: PEOPLE[who].slackUserId, name: PEOPLE[who].name });
  const post = async (body: string): Promise<{ status: number; body: Record<string, unknown> | null }> => {
    if (socket) {
      // An empty ack is `payload: {}` on the socket and an empty 200 over HTTP.
      const ack = await socket.deliverForm(body);
      return { status: 200, body: ack.payload && Object.keys(ack.payload).length > 0 ? ack.payload : null };
    }
    const res = await postSigned(events, body, { secret: SECRET });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  const asPosted = (call: SlackApiCall): Posted => ({
    channel: String(call.answer.channel),
    ts: String(call.answer.ts),
    text: String(call.args.text ?? ''),
    call,
  });

  const h = {
    api,
    bot,
    /** Socket Mode's WebSocket, when the transport is 'socket'. */
    socket,
    rules: (changes: Record<string, unknown>) => must('PUT', `/api/domains/${DOMAIN}/rules`, changes),
    /** `/prov <text>` as `who`; resolves on the ack. */
    async command(who: Person, text: string) {
      const responseUrl = api.responseUrl();
      const body = slashCommandBody({ text, user: slackUser(who), responseUrl, channelId: 'C0GENERAL' }).replace(
        /trigger_id=[^&]*/,
        `trigger_id=${encodeURIComponent(freshTriggerId())}`,
      );
      return { ...(await post(body)), responseUrl };
    },
    /** Clicks `button` on `message` as `who`; the HTTP answer is the ack. */
    async click(who: Person, button: PostedButton, message: Posted) {
      const responseUrl = api.responseUrl();
      return { ...(await post(buttonClickBody({ user: slackUser(who), button, responseUrl, message }))), responseUrl };
    },
    /** Submits a modal the bot opened; the HTTP answer is the ack, with any field errors. */
    submit: (who: Person, view: Record<string, unknown>, typed: Record<string, Typed>) =>
      post(viewSubmissionBody({ user: slackUser(who), view, typed })),
    /** The n-th modal opened from now on (0: the next one). */
    async nextModal(after: number): Promise<Record<string, unknown>> {
      const call = await api.waitFor(() => api.callsTo('views.open')[after]);
      if (!call.answer.ok) throw new Error(`views.open failed: ${String(call.answer.error)}`);
      return call.answer.view as Record<string, unknown>;
    },
    modalsOpened: () => api.callsTo('views.open').length,
    dmsTo: (who: Person): Posted[] =>
      api
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === PEOPLE[who].slackUserId && c.answer.ok)
        .map(asPosted),
    /** Waits for a DM to `who` after the first `skip` whose text matches. */
    dm: (who: Person, pattern: RegExp, skip = 0): Promise<Posted> =>
      api.waitFor(() =>
        h
          .dmsTo(who)
          .slice(skip)
          .find((m) => pattern.test(m.text)),
      ),
    updatesOf: (m: Posted): SlackApiCall[] => api.callsTo('chat.update').filter((c) => c.args.channel === m.channel && c.args.ts === m.ts),
    /** The replies posted to a response_url, once `count` have arrived. */
    replies: (responseUrl: string, count = 1) =>
      api.waitFor(() => (api.responsesTo(responseUrl).length >= count ? api.responsesTo(responseUrl).map((r) => r.body) : null)),
    workOrders: async (login = JANE.login) =>
      (await must('GET', `/api/work-orders?login=${login}`, undefined)) as {
        number: string;
        version: number;
        state: string;
        extendedStatus: string | null;
      }[],
    workOrder: (number: string) =>
      must('GET', `/api/work-orders/${number}`, undefined) as Promise<{
        order: Record<string, unknown> & { version: number };
        activities: Record<string, unknown>[];
      }>,
    async stop() {
      await bot.stop();
      await socket?.stop();
      await api.stop();
    },
  };
  return h;
}

/** Buttons of a Block Kit message, with the block they sit in (which says what input they ask for). */
export function buttonsIn(call: Pick<SlackApiCall, 'args'>): PostedButton[] {
  const blocks = (call.args.blocks ?? []) as {
    type: string;
    block_id?: string;
    elements?: { type: string; action_id: string; value: string }[];
  }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) =>
      (b.elements ?? [])
        .filter((e) => e.type === 'button')
        .map((e) => ({ action_id: e.action_id, value: e.value, block_id: b.block_id ?? '' })),
    );
}

export function button(call: Pick<SlackApiCall, 'args'>, actionId: string): PostedButton {
  const found = buttonsIn(call).find((b) => b.action_id === actionId);
  if (!found)
    throw new Error(
      `no ${actionId} button; buttons: ${
        buttonsIn(call)
          .map((b) => b.action_id)
          .join(', ') || 'none'
      }`,
    );
  return found;
}
