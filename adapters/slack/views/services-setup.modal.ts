import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { SetupPage, SetupPageView } from '../../presenters/present-services-setup';
import { isSetupPage } from '../../presenters/present-services-setup';
import { clip, LIMITS, mrkdwn } from '../blocks/block-kit-limits';

/** The callback_id of every page of the wizard's modal; the page and customer ride in private_metadata. */
export const SERVICES_SETUP_CALLBACK = 'services-setup.page';
/** The review's "Go back and edit" button. */
export const SETUP_BACK_ACTION = 'services-setup.back';
/** The block_id of a page's input (errors land under it) and of the page's words (errors about the page). */
export const SETUP_INPUT_BLOCK = 'setup-input';
const VALUE_ACTION = 'value';

/** Slack's limits for a modal (https://docs.slack.dev/reference/views/modal-views). */
const MAX = { title: 24, button: 24, option: 75, value: 150 } as const;
const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });

/** Where the wizard reports after Submit: the conversation `services setup` was typed in. */
export interface SetupModalContext {
  customerId: string;
  page: SetupPage;
  channel: string;
}

const ZContext = z.object({
  customerId: z.string().min(1).max(100),
  page: z.string().refine(isSetupPage),
  channel: z.string().max(64),
});

export function setupModal(view: SetupPageView, channel: string): types.ModalView {
  const meta: SetupModalContext = { customerId: view.customerId, page: view.page, channel };
  const blocks: types.KnownBlock[] = view.paragraphs.map((p) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: mrkdwn(p, LIMITS.sectionText) },
  }));
  for (let i = 0; i < view.fields.length; i += LIMITS.sectionFields)
    blocks.push({
      type: 'section',
      fields: view.fields
        .slice(i, i + LIMITS.sectionFields)
        .map((f) => ({ type: 'mrkdwn' as const, text: mrkdwn(`*${f.label}*\n${f.value}`, LIMITS.fieldText) })),
    });
  if (view.input) blocks.push(inputBlock(view.input));
  // The submit button sits in the modal's footer, so its warning is the last words, just above it.
  if (view.submitNotice) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn(view.submitNotice, LIMITS.sectionText) } });
  if (view.backTo)
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: SETUP_BACK_ACTION, text: plain('Go back and edit', LIMITS.buttonText), value: view.backTo }],
    });
  return {
    type: 'modal',
    callback_id: SERVICES_SETUP_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: plain(view.title, MAX.title),
    submit: plain(view.submitLabel, MAX.button),
    close: plain('Close', MAX.button),
    blocks,
  };
}

function inputBlock(input: NonNullable<SetupPageView['input']>): types.InputBlock {
  const base = { type: 'input' as const, block_id: SETUP_INPUT_BLOCK, label: plain(input.label, 2000) };
  if (input.kind === 'text')
    return {
      ...base,
      element: {
        type: 'plain_text_input',
        action_id: VALUE_ACTION,
        max_length: 100,
        ...(input.initial ? { initial_value: input.initial } : {}),
      },
    };
  // Option text is cut at 75 characters, so a tag ("legacy, not recommended") goes in the option's description.
  const options = input.choices.map((c) => ({
    text: plain(c.label, MAX.option),
    value: c.value.slice(0, MAX.value),
    ...(c.tag ? { description: plain(c.tag, MAX.option) } : {}),
  }));
  const initial = options.find((o) => o.value === input.initial);
  return {
    ...base,
    element: { type: 'static_select', action_id: VALUE_ACTION, options, ...(initial ? { initial_option: initial } : {}) },
  };
}

const ZSubmitted = z.object({
  private_metadata: z.string().max(3000),
  state: z
    .object({
      values: z.record(
        z.record(z.object({ value: z.string().nullish(), selected_option: z.object({ value: z.string() }).nullish() }).passthrough()),
      ),
    })
    .optional(),
});

/** The page submitted and its value (absent when the page has no input or it was left empty). */
export function setupSubmission(view: unknown): SetupModalContext & { value?: string } {
  const v = ZSubmitted.parse(view);
  const context = ZContext.parse(JSON.parse(v.private_metadata)) as SetupModalContext;
  const input = v.state?.values[SETUP_INPUT_BLOCK]?.[VALUE_ACTION];
  const value = input?.value ?? input?.selected_option?.value ?? undefined;
  return value ? { ...context, value } : context;
}
