import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { commandLabel, interactionLabel } from '../observability/command-label';
import { labelRequest } from '../observability/request-context';

/**
 * Names each Slack request for the ack-latency metric before any listener runs: the
 * command word of `/prov <words>`, the button's action id, the modal's callback id or
 * the event's type, each from a bounded set (command-label.ts).
 */
export const labelSlackRequest: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  labelRequest(labelOf(body as Record<string, unknown>));
  await next();
};

function labelOf(body: Record<string, unknown>): string {
  if (typeof body.command === 'string') return commandLabel(typeof body.text === 'string' ? body.text : '');
  if (body.type === 'block_actions') {
    const [first] = (body.actions as { action_id?: unknown }[] | undefined) ?? [];
    return interactionLabel('action', first?.action_id);
  }
  if (body.type === 'view_submission' || body.type === 'view_closed')
    return interactionLabel('view', (body.view as { callback_id?: unknown } | undefined)?.callback_id);
  if (body.type === 'event_callback') return interactionLabel('event', (body.event as { type?: unknown } | undefined)?.type);
  return 'other';
}
