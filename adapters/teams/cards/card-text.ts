/**
 * View text is plain; Teams reads TextBlock.text and Fact title/value as Markdown
 * (bold, italic, lists, links; no HTML):
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format
 * So an address such as new_contact@x.example would lose its underscores to italics
 * and "1. foo" would become a list. Only the characters of that Markdown subset are
 * escaped: a backslash before anything else shows up literally on some clients
 * (https://github.com/microsoft/AdaptiveCards/issues/5590).
 * The Teams client also takes a word in angle brackets for markup and drops it
 * ("resend <order>" showed as "resend ", checked in the Agents Playground), so
 * &, < and > go as entities, which it shows as the characters.
 * This is the one place Teams text is escaped: every TextBlock and Fact goes through it.
 */
const URL_PATTERN = /https?:\/\/[^\s<>"'()[\]]*[^\s<>"'()[\].,;:!?]/g;

export function cardText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0];
    out += `${escapePlain(text.slice(last, match.index))}[${escapePlain(url)}](${url})`;
    last = match.index + url.length;
  }
  // Markdown needs a blank line for a visible line break.
  return (out + escapePlain(text.slice(last))).replace(/\r?\n/g, '\n\n');
}

function escapePlain(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\*_[\]]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(\d+)\.(?=\s)/gm, '$1$2\\.')
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2');
}

/**
 * Teams refuses a bot message over its size limit with 413 MessageSizeTooBig. The
 * limit counts UTF-16 (two bytes a character) and was documented as 40 KB (now 100 KB,
 * 80 KB recommended): https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages
 * A card's JSON stays under 18,000 characters, inside the older limit with room for the envelope.
 */
export const MAX_CARD_CHARS = 18_000;
