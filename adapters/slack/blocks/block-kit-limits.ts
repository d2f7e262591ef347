/**
 * Block Kit limits that Slack enforces by rejecting the whole message
 * (`invalid_blocks`), so the renderer must stay inside them rather than hope.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const LIMITS = {
  /** Blocks per message (chat.postMessage, chat.update, response_url). */
  blocks: 50,
  /** Header block: plain_text, at most 150 characters. */
  headerText: 150,
  /** Section block `text`: at most 3000 characters. */
  sectionText: 3000,
  /** Section block `fields`: at most 10 items, each at most 2000 characters. */
  sectionFields: 10,
  fieldText: 2000,
  /** Context block: at most 10 elements; we keep each text element at 2000 characters. */
  contextText: 2000,
  /** Button label: plain_text, at most 75 characters; value at most 2000. */
  buttonText: 75,
  buttonValue: 2000,
} as const;

const ELLIPSIS = '…';

/** Cuts plain text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + ELLIPSIS;
}

/**
 * Slack mrkdwn treats &, < and > as control characters ("Escaping text",
 * https://docs.slack.dev/messaging/formatting-message-text#escaping): view text
 * is plain, so escape it. Truncation happens after escaping, and never leaves
 * half an entity such as "&am" behind.
 */
export function mrkdwn(text: string, max: number): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (escaped.length <= max) return escaped;
  return escaped.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '') + ELLIPSIS;
}

/** Slack's escaped message text back to what it says, for plain_text (which shows entities as typed). */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Slack refuses a message whose blocks carry too much text with `msg_blocks_too_long`,
 * a limit it does not document: reported at about 12,000-13,300 characters of text
 * "with a buffer for block containers" (bolt-js issues 2509 and 2867; one app was
 * refused at 11,341). We keep each message under 11,000, counting every text string in
 * its blocks plus BLOCK_OVERHEAD for each block.
 */
export const MESSAGE_TEXT_BUDGET = 11_000;
const BLOCK_OVERHEAD = 40;

/** The measure MESSAGE_TEXT_BUDGET is about: every `text` string in the blocks, plus a little per block. */
export function blockTextLength(blocks: readonly unknown[]): number {
  return blocks.length * BLOCK_OVERHEAD + textIn(blocks);
}

/** Every `text` string in a block tree, as Slack's undocumented msg_blocks_too_long limit counts them (as far as anyone outside Slack knows). */
export function textIn(blocks: unknown): number {
  let total = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item);
      return;
    }
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'text' && typeof x === 'string') total += x.length;
      else walk(x);
    }
  };
  walk(blocks);
  return total;
}
