import type { View } from './view';

export const USAGE = [
  'resend <order> [<line>|all]: send the provisioning email again (all lines when no line is given)',
  'contact <order> <line>|all <new-email>: change the provisioning contact and send them the provisioning email',
  'status <order>: every line with its status, contact, point of no return and days left',
  'history <order>: who resent or changed what, when, and whether the email went out',
  'help: this list',
];

/** `prefix` is "/prov " in Slack and empty in Teams, where the words are typed to the bot. */
export function presentHelp(prefix: string, problem: string | null = null): View {
  return {
    title: problem ? 'Usage' : 'provbot commands',
    tone: problem ? 'warning' : 'info',
    paragraphs: [
      ...(problem ? [problem] : []),
      ...USAGE.map((u) => prefix + u),
      `Example: ${prefix}contact ORD-1001 all new.contact@example.com`,
    ],
  };
}
