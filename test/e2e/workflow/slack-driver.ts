import type { RecordingSlackApi, SlackApiCall } from '../../../scripts/bench/slack/recording-slack-api';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import type { SlackUserRef } from '../../../scripts/bench/slack/slack-signing';
import { buttonClickBody, freshTriggerId, viewSubmissionBody } from '../../../scripts/bench/slack/slack-interactions';
import type { PostedButton, Typed } from '../../../scripts/bench/slack/slack-interactions';
import type { Posted } from '../slack/slack-order-harness';
import { person } from './workflow-people';
import type { Who } from './workflow-people';

export const SLACK_SECRET = 'e2e-workflow-signing-secret-0123456789';

export type SlackDriver = ReturnType<typeof slackDriver>;

/**
 * Slack as a user drives it against the running bot: signed slash commands, button
 * clicks and modal submissions posted to /slack/events; what the bot does in Slack
 * read back from the recording Web API (DMs posted, messages updated, modals opened,
 * replies to response_urls).
 */
export function slackDriver(botUrl: string, api: RecordingSlackApi) {
  const events = `${botUrl}/slack/events`;
  const userOf = (who: Who): SlackUserRef => {
    const id = person(who).slackUserId;
    if (!id) throw new Error(`${who} is not on Slack`);
    return { id, name: person(who).name };
  };
  const post = async (body: string) => {
    const res = await postSigned(events, body, { secret: SLACK_SECRET });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  const asPosted = (call: SlackApiCall): Posted => ({
    channel: String(call.answer.channel),
    ts: String(call.answer.ts),
    text: String(call.args.text ?? ''),
    call,
  });

  const d = {
    api,
    /** `/prov <text>` as `who`; resolves on the ack. */
    async command(who: Who, text: string) {
      const responseUrl = api.responseUrl();
      const body = slashCommandBody({ text, user: userOf(who), responseUrl, channelId: 'C0GENERAL' }).replace(
        /trigger_id=[^&]*/,
        `trigger_id=${encodeURIComponent(freshTriggerId())}`,
      );
      return { ...(await post(body)), responseUrl };
    },
    /** Clicks `button` on `message` as `who`; the HTTP answer is the ack. */
    async click(who: Who, button: PostedButton, message: Posted) {
      const responseUrl = api.responseUrl();
      const body = buttonClickBody({ user: userOf(who), button, responseUrl, message });
      const triggerId = String(JSON.parse(new URLSearchParams(body).get('payload') ?? '{}').trigger_id);
      return { ...(await post(body)), responseUrl, triggerId };
    },
    /** The modal a click opened, found by the click's trigger_id (several may open at once). */
    async modalFor(triggerId: string): Promise<Record<string, unknown>> {
      const call = await api.waitFor(() => api.callsTo('views.open').find((c) => c.args.trigger_id === triggerId));
      if (!call.answer.ok) throw new Error(`views.open failed: ${String(call.answer.error)}`);
      return call.answer.view as Record<string, unknown>;
    },
    /** Submits a modal the bot opened; the HTTP answer is the ack, with any field errors. */
    submit: (who: Who, view: Record<string, unknown>, typed: Record<string, Typed>) =>
      post(viewSubmissionBody({ user: userOf(who), view, typed })),
    modalsOpened: () => api.callsTo('views.open').length,
    /** The modal opened after the first `after` ones. */
    async nextModal(after: number): Promise<Record<string, unknown>> {
      const call = await api.waitFor(() => api.callsTo('views.open')[after]);
      if (!call.answer.ok) throw new Error(`views.open failed: ${String(call.answer.error)}`);
      return call.answer.view as Record<string, unknown>;
    },
    dmsTo: (who: Who): Posted[] =>
      api
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === userOf(who).id && c.answer.ok)
        .map(asPosted),
    /** Waits for a DM to `who` whose text matches. */
    /** Waits for a DM to `who` matching `pattern`, after the first `skip` DMs. */
    dm: (who: Who, pattern: RegExp, skip = 0): Promise<Posted> =>
      api.waitFor(() =>
        d
          .dmsTo(who)
          .slice(skip)
          .find((m) => pattern.test(m.text)),
      ),
    /** Every chat.update of one posted message, oldest first. */
    updatesOf: (m: Posted): SlackApiCall[] =>
      api.callsTo('chat.update').filter((c) => c.args.channel === m.channel && c.args.ts === m.ts && c.answer.ok),
    /** Waits until `m` has been updated at least once; its updates. */
    updated: (m: Posted): Promise<SlackApiCall[]> => api.waitFor(() => (d.updatesOf(m).length ? d.updatesOf(m) : null)),
    /** What the bot posted to a response_url so far. */
    repliesTo: (responseUrl: string) => api.responsesTo(responseUrl).map((r) => r.body),
  };
  return d;
}
