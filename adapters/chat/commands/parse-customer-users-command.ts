/**
 * `customer users <customer>`: the words that go with a CSV file of users (Set up
 * Customer, "Add users"), as the file's comment when it is shared with the bot in Slack.
 * Typed alone, they get the guidance on how to share the file. `<customer>` is the
 * customer's name as `customers` lists it (quotes allowed) or its id.
 * A leading mention of the bot (`<@U123> customer users Acme`, as in a channel) is skipped.
 */
export interface CustomerUsersCommand {
  customer: string;
}

/** Longer than any company name (80) the core stores. */
const NAME_MAX = 80;

const WORDS = /^customer\s+users\s+(.+)$/is;

export function parseCustomerUsersCommand(text: string): CustomerUsersCommand | null {
  const t = text
    .trim()
    .replace(/^(?:<@[A-Z0-9]+(?:\|[^>]*)?>\s*)+/, '')
    .trim();
  const m = WORDS.exec(t.slice(0, 500));
  if (!m) return null;
  const customer = m[1]!
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();
  if (customer === '' || customer.length > NAME_MAX || /[\r\n]/.test(customer)) return null;
  return { customer };
}

/** `customer users` with nothing after it, or words that only start like it: the guidance says what to type. */
export const looksLikeCustomerUsers = (text: string): boolean => /^(?:<@[A-Z0-9]+(?:\|[^>]*)?>\s*)*customer\s+users\b/i.test(text.trim());
