import type { View } from './view';

/** One line per verb, each starting with the verb: the Slack and Teams manifests list the same verbs. */
export const USAGE = [
  'resend <order> [<line>|all]: send the provisioning email again (all lines when no line is given)',
  'contact <order> <line>|all <new-email>: change the provisioning contact and send them the provisioning email',
  'status <order>|<WO-number>: an order line by line, or a work order with its activities',
  'history <order>: who resent or changed what, when, and whether the email went out',
  'case <order> [<line>] [resend|contact] <what happened>: still stuck? open a support case; it is emailed to support with the order and its history',
  'order [<login> <product or bundle> [key=value ...]]: place an order; alone, it opens the order form',
  'change <product id> settings|replace key=value ... | owner <login>: a Change order: new settings, a new phone, or a new owner',
  'cancel <product id>: cancel a product and the products that depend on it',
  'activities: the approvals, assignments, shipping and receiving waiting for you',
  'search <WO-number>|<key=value ...>: find work orders by number, author, status, extended, login, name, phone, email, department, domain, date, delivery',
  'subscriber <login>: products, notes and orders of a subscriber',
  'note <product id> <text>: add a note to a product',
  'rules <domain> [set <rule> <value>]: show or change the business rules of a domain (rules <domain> lists what to type)',
  'retry <WO-number>: provision a failed work order again',
  'abort <WO-number>: stop a failed work order and put it on Hold',
  'notify show|set|test|channel|outbox ...: notification settings and the outbox, for administrators ("notify help" for the details)',
  'templates: the onboarding templates of your domains, with how many customers use each',
  'template <name>|create: one onboarding template with its Provisioning ID to copy, or a form to make a new one',
  'customers: the customers of your domains and where each one stands',
  'services setup <customer>: the services setup wizard, page by page, for the partner or the customer administrator',
  "customer <name>|create|summary <name>|admins <name>|activated <name> <email>|users <name>: one customer, a form to add one on Webex, its services setup summary (PDF), its administrators' Control Hub and Connect roles, record that an administrator activated Webex Connect (partner administrators), or how to add users from a CSV file",
  'ops: how this bot is running (version, uptime, live parts, database, outbox, scheduler, last errors), for administrators',
  'help: this list',
];

/**
 * The verbs a Teams command menu offers: its manifest allows at most 10 commands
 * (commandLists[].commands, manifest schema 1.17), fewer than USAGE has. Every other
 * verb is still typed as usual.
 */
export const COMMAND_MENU = [
  'help',
  'order',
  'activities',
  'status',
  'search',
  'subscriber',
  'cancel',
  'rules',
  'resend',
  'contact',
] as const;

/** `prefix` is "/prov " in Slack and empty in Teams, where the words are typed to the bot. */
export function presentHelp(prefix: string): View {
  return {
    title: 'provbot commands',
    tone: 'info',
    paragraphs: [
      ...USAGE.map((u) => prefix + u),
      `Example: ${prefix}contact ORD-1001 all new.contact@example.com`,
      `Example: ${prefix}order jdoe Enhanced Phone Service phoneType=7945 lineType=Chosen Line directoryNumber=5001`,
    ],
  };
}

/**
 * Words the bot could not read: the one sentence that says what was wrong, then the
 * usage of that command when the verb was known, else a pointer to `help` (the whole
 * list would bury the sentence).
 */
export function presentMistake(prefix: string, problem: string, verb?: string): View {
  const usage = verb ? USAGE.find((u) => u.split(/[ :]/)[0] === verb) : undefined;
  return {
    title: 'I could not read that command',
    tone: 'warning',
    paragraphs: [problem, usage ? `Usage: ${prefix}${usage}` : `Type "${prefix}help" to see every command.`],
  };
}
