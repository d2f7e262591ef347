import { describe, expect, it } from 'vitest';
import { viewProblems } from '../../../scripts/bench/slack/block-kit-validator';
import { customerForm, templateForm } from '../../presenters/onboarding-forms';
import { customerReview, templateReview } from '../../presenters/onboarding-review';
import { draftMetadata, onboardingReviewModal, reviewDraft } from './onboarding-review.modal';

/** The longest draft the customer form can send: every text input at its max_length in quotes to escape, the longest choice, every package. */
function longestCustomerDraft() {
  const form = customerForm([{ id: `tpl-${'x'.repeat(40)}`, name: 'T' }]);
  const values: Record<string, string | string[]> = {};
  for (const f of form.fields) {
    if (f.type === 'text') values[f.id] = '"'.repeat(f.maxLength);
    else if (f.type === 'choice') values[f.id] = (f.choices ?? []).map((c) => c.value).sort((a, b) => b.length - a.length)[0]!;
    else values[f.id] = (f.choices ?? []).map((c) => c.value);
  }
  return { form, values };
}

describe('the onboarding review modal', () => {
  it('carries the longest possible customer draft within Slack’s 3,000-character private_metadata, and back', () => {
    const { form, values } = longestCustomerDraft();
    const view = onboardingReviewModal(customerReview(form, values, { templateName: 'T', precheck: 'passed', submitAsks: null }));
    expect(view.private_metadata!.length).toBeLessThanOrEqual(3000);
    expect(viewProblems(view)).toEqual([]);
    expect(reviewDraft(view)).toEqual({ form: 'customer', values });
  });

  it('gives each section its own Edit button and escapes what was typed', () => {
    const view = onboardingReviewModal(
      templateReview(
        templateForm(),
        {
          name: '<b>Branch & co</b>',
          subscriptionId: 'S',
          authenticationMethod: 'webex',
          packages: ['webex_calling'],
        },
        { checked: true, submitAsks: null },
      ),
    );
    expect(viewProblems(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('&lt;b&gt;Branch &amp; co&lt;/b&gt;');
    expect(text.match(/onboarding\.review\.edit\.[a-z]+/g)).toHaveLength(5);
  });

  it('shows a member the asking button and, last above it, whom it asks, escaped and within Block Kit', () => {
    const { form, values } = longestCustomerDraft();
    const asks = { domain: 'partner.example', administrators: ['<Ada> & Co', ...Array.from({ length: 60 }, (_, i) => `Admin ${i}`)] };
    const view = onboardingReviewModal(customerReview(form, values, { templateName: 'T', precheck: 'passed', submitAsks: asks }));
    expect(viewProblems(view)).toEqual([]);
    expect(view.submit).toEqual({ type: 'plain_text', text: 'Ask the administrators' });
    const last = JSON.stringify(view.blocks.at(-1));
    expect(last).toContain(
      "You don't hold the Administrator role in partner.example: this sends your customer to its administrators (&lt;Ada&gt; &amp; Co,",
    );
  });

  it('refuses a draft too long for private_metadata instead of letting Slack cut it', () => {
    expect(() => draftMetadata({ name: 'x'.repeat(3000) })).toThrow(/over private_metadata/);
  });

  it('refuses a view that is not an onboarding review', () => {
    expect(() => reviewDraft({ callback_id: 'services-setup.page', private_metadata: '{}' })).toThrow(/not an onboarding review/);
  });
});
