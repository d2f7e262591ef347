import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { FormValues, OnboardingForm } from '../../presenters/onboarding-forms';
import type { OnboardingReview, ReviewSection } from '../../presenters/onboarding-review';
import { clip, LIMITS, mrkdwn } from '../blocks/block-kit-limits';

/** The callback_id of each review modal; its Create/Submit arrives as this view's view_submission. */
export const ONBOARDING_REVIEW_CALLBACK = { customer: 'onboarding.customer.review', template: 'onboarding.template.review' } as const;
/** Each section's Edit button: this prefix and the section id (action_ids must differ within a view). */
export const REVIEW_EDIT_ACTION_PREFIX = 'onboarding.review.edit.';

/** Slack's limits for a modal (https://docs.slack.dev/reference/views/modal-views). */
const MAX = { title: 24, button: 24, metadata: 3000 } as const;
const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });

/**
 * The review page as a modal: one section per step of the form with its Edit button,
 * the notes beside them (the PSTN caution, the precheck's finding), and Create/Submit.
 * The draft rides in private_metadata, so Edit and Create need nothing stored.
 */
export function onboardingReviewModal(review: OnboardingReview): types.ModalView {
  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn(review.intro, LIMITS.sectionText) } }];
  for (const section of review.sections) blocks.push(...sectionBlocks(section));
  // The submit button sits in the modal's footer, so its warning is the last block, just above it.
  if (review.submitNotice)
    blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: mrkdwn(review.submitNotice, LIMITS.sectionText) } });
  return {
    type: 'modal',
    callback_id: ONBOARDING_REVIEW_CALLBACK[review.form],
    private_metadata: draftMetadata(review.values),
    title: plain(review.title, MAX.title),
    submit: plain(review.submitLabel, MAX.button),
    close: plain('Cancel', MAX.button),
    blocks,
  };
}

function sectionBlocks(section: ReviewSection): types.KnownBlock[] {
  const heading: types.SectionBlock = {
    type: 'section',
    block_id: `review.${section.id}`,
    text: { type: 'mrkdwn', text: `*${mrkdwn(section.heading, 200)}*` },
    ...(section.editable
      ? {
          accessory: {
            type: 'button',
            action_id: `${REVIEW_EDIT_ACTION_PREFIX}${section.id}`,
            text: plain('Edit', LIMITS.buttonText),
            value: section.id,
          },
        }
      : {}),
  };
  const fields: types.KnownBlock[] = section.fields.length
    ? [
        {
          type: 'section',
          fields: section.fields
            .slice(0, LIMITS.sectionFields)
            .map((f) => ({ type: 'mrkdwn' as const, text: `*${mrkdwn(f.label, 200)}*\n${mrkdwn(f.value, LIMITS.fieldText - 210)}` })),
        },
      ]
    : [];
  const notes: types.KnownBlock[] = section.notes.map((n) => ({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: mrkdwn(n, LIMITS.contextText) }],
  }));
  return [{ type: 'divider' }, heading, ...fields, ...notes];
}

/**
 * The draft as private_metadata. Every value is bounded by its input (text max_length,
 * choices from fixed lists), so a whole form fits in Slack's 3,000 characters; a draft
 * that did not would be cut by Slack, so it is refused here instead.
 */
export function draftMetadata(values: FormValues): string {
  const text = JSON.stringify(values);
  if (text.length > MAX.metadata) throw new Error(`the form's draft is ${text.length} characters, over private_metadata's ${MAX.metadata}`);
  return text;
}

const ZDraft = z.record(z.union([z.string().max(500), z.array(z.string().max(200)).max(20)]));

/** The draft back from a review modal (its Create/Submit or an Edit click), checked like any input. */
export function reviewDraft(view: unknown): { form: OnboardingForm['form']; values: FormValues } {
  const v = z.object({ callback_id: z.string(), private_metadata: z.string().max(MAX.metadata) }).parse(view);
  const form = v.callback_id === ONBOARDING_REVIEW_CALLBACK.customer ? 'customer' : 'template';
  if (v.callback_id !== ONBOARDING_REVIEW_CALLBACK[form]) throw new Error(`not an onboarding review: ${v.callback_id}`);
  return { form, values: ZDraft.parse(JSON.parse(v.private_metadata)) };
}
