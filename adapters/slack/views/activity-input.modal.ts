import type { types } from '@slack/bolt';
import { z } from 'zod';
import { DELEGATE_HINT, DELEGATE_PLACEHOLDER } from '../../chat/commands/parse-delegate-to';
import type { ActionId, ViewAction } from '../../presenters/view';
import { clip, LIMITS, unescapeMrkdwn } from '../blocks/block-kit-limits';

export type ActivityInput = NonNullable<ViewAction['input']>;

/** The callback_id of the modal that asks for an action's input; one listener handles every kind. */
export const ACTIVITY_INPUT_CALLBACK = 'activity.input';
/** A rejection's reason, as long as the core takes it (MAX_DECISION_NOTE). */
const MAX_REASON = 1000;
/** The action_id of the text box; its block_id is the input kind. */
const TEXT_ACTION = 'text';

/**
 * What the modal carries from the click to its submission, in private_metadata
 * (at most 3000 characters, https://docs.slack.dev/reference/views/modal-views):
 * the button and its value, and the click's response_url, since a view_submission
 * has none and refusals go to the clicker privately.
 */
const ZMetadata = z.object({
  actionId: z.enum(['activity.complete', 'activity.delegate', 'activity.reject']),
  input: z.enum(['mac-address', 'delegate-to', 'reject-reason']),
  value: z.string().min(1).max(200),
  responseUrl: z.string().url().max(1000),
});
export type ActivityInputMetadata = z.infer<typeof ZMetadata>;

const TEXTS: Record<
  ActivityInput,
  { title: string; submit: string; label: string; hint: string; placeholder: string; optional?: true; multiline?: true }
> = {
  // "In the MAC Address field, type a hexadecimal value ... The value must be 12
  // characters in length. Note: The MAC address is available on a sticker on the phone
  // set, and on the phone setting display on the handset." (Shipping Phones)
  'mac-address': {
    title: 'Assign a phone',
    submit: 'Step Complete',
    label: 'MAC address',
    hint: '12 hexadecimal characters, on a sticker on the phone set and on the phone settings display.',
    placeholder: '00AABBCCDDEE',
  },
  'delegate-to': {
    title: 'Delegate',
    submit: 'Delegate',
    label: 'Delegate to',
    hint: DELEGATE_HINT,
    placeholder: DELEGATE_PLACEHOLDER,
  },
  // The subscriber's rejection email has a "Reason given" line for it.
  'reject-reason': {
    title: 'Reject order',
    submit: 'Reject order',
    label: 'Reason',
    hint: 'Optional. The subscriber sees it in the email that tells them the order was rejected and cancelled.',
    placeholder: 'Why the order is rejected',
    optional: true,
    multiline: true,
  },
};

/** The modal a button with `input` opens; `about` is the clicked message's text (mrkdwn, escaped), shown for context as plain text. */
export function activityInputModal(meta: ActivityInputMetadata, about?: string): types.ModalView {
  const t = TEXTS[meta.input];
  return {
    type: 'modal',
    callback_id: ACTIVITY_INPUT_CALLBACK,
    private_metadata: JSON.stringify(ZMetadata.parse(meta)),
    title: { type: 'plain_text', text: t.title },
    submit: { type: 'plain_text', text: t.submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...(about
        ? [{ type: 'context' as const, elements: [{ type: 'plain_text' as const, text: clip(unescapeMrkdwn(about), LIMITS.contextText) }] }]
        : []),
      {
        type: 'input',
        block_id: meta.input,
        label: { type: 'plain_text', text: t.label },
        hint: { type: 'plain_text', text: t.hint },
        ...(t.optional ? { optional: true } : {}),
        element: {
          type: 'plain_text_input',
          action_id: TEXT_ACTION,
          placeholder: { type: 'plain_text', text: t.placeholder },
          ...(t.multiline ? { multiline: true, max_length: MAX_REASON } : {}),
        },
      },
    ],
  };
}

const ZSubmission = z.object({
  private_metadata: z.string().max(3000),
  state: z.object({ values: z.record(z.record(z.object({ value: z.string().nullish() }).passthrough())) }),
});

export interface ActivityInputSubmission {
  meta: ActivityInputMetadata & { actionId: Extract<ActionId, 'activity.complete' | 'activity.delegate' | 'activity.reject'> };
  /** What was typed, trimmed; '' when nothing. */
  text: string;
}

/** Reads a submitted input modal; throws on a view this adapter did not build. */
export function parseActivityInputSubmission(view: unknown): ActivityInputSubmission {
  const v = ZSubmission.parse(view);
  const meta = ZMetadata.parse(JSON.parse(v.private_metadata));
  const text = v.state.values[meta.input]?.[TEXT_ACTION]?.value ?? '';
  return { meta, text: text.trim() };
}
