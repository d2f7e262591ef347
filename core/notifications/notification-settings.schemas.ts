import { z } from 'zod';
import { CoreError } from '../errors';
import { zodFields } from '../validation-problems';
import { ZEmail } from '../provisioning/provisioning.schemas';
import { MAX_WINDOW_MINUTES, SYSTEM_EVENTS } from './notification-settings';
import type { GroupName, WorkflowEventType } from './notification-settings';

/**
 * Notification settings as administrators send them: the chat commands build a whole
 * document from the stored one and their edits, the API sends one; both are checked
 * here, whole, before anything is saved. Messages name the value that is wrong; each
 * problem names its field by its path (`groups.Approval.externalEmails`).
 */

const clip = (v: unknown) => String(v).slice(0, 80);

export const ZNotifyAddress = z
  .string({ invalid_type_error: 'must be an email address' })
  .trim()
  .toLowerCase()
  .refine(
    (v) => ZEmail.safeParse(v).success,
    (v) => ({ message: `"${clip(v)}" is not an email address` }),
  );

/** "External email addresses": a list, each address once. */
const ZAddressList = z
  .array(ZNotifyAddress, { invalid_type_error: 'must be a list of email addresses' })
  .max(100, 'at most 100 addresses')
  .transform((list) => [...new Set(list)]);

/** "Aggregation window", "Escalation Window": whole minutes up to a week; null is the seed's "<Not Set>". */
export const ZWindowMinutes = z
  .number({ invalid_type_error: 'must be a number of minutes, or off (null)' })
  .int('must be whole minutes')
  .min(1, 'must be at least 1 minute, or off')
  .max(MAX_WINDOW_MINUTES, `must be at most a week (${MAX_WINDOW_MINUTES} minutes), or off`)
  .nullable();

export const ZPort = z
  .number({ invalid_type_error: 'must be a port number from 1 to 65535' })
  .int('must be a port number from 1 to 65535')
  .min(1, 'must be a port number from 1 to 65535')
  .max(65535, 'must be a port number from 1 to 65535');

/** A host name or an IP address: "mailer.company.com", "10.0.0.25", "[2001:db8::1]". */
export const ZHost = z
  .string({ invalid_type_error: 'must be a host name' })
  .trim()
  .min(1, 'is required')
  .max(253, 'must be at most 253 characters')
  .regex(
    /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$/,
    'must be a host name or an IP address, like mailer.company.com',
  );

function oneOf<U extends string, T extends Readonly<[U, ...U[]]>>(values: T, what: string) {
  return z.enum(values, {
    errorMap: (issue, ctx) => ({
      message:
        issue.code === 'invalid_enum_value'
          ? `"${clip(issue.received)}" is not ${what}; choose from ${values.join(', ')}`
          : ctx.defaultError,
    }),
  });
}

const WORKFLOW_EVENT_NAMES = ['Approval', 'Assignment', 'Shipping', 'Receiving'] as const satisfies readonly WorkflowEventType[];
const eventList = <U extends string, T extends Readonly<[U, ...U[]]>>(values: T) =>
  z.array(oneOf(values, 'an event'), { invalid_type_error: 'must be a list of events' }).transform((list) => [...new Set(list)]);

export const ZChatDestination = z
  .object({
    platform: oneOf(['slack', 'teams'], 'a chat platform'),
    address: z.string().min(1, 'is required').max(4000, 'is too long'),
    label: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  })
  .strict();

export const MAX_CHAT_DESTINATIONS = 20;

const ZDestinations = z
  .array(ZChatDestination)
  .max(MAX_CHAT_DESTINATIONS, `at most ${MAX_CHAT_DESTINATIONS} chat destinations`)
  .transform((list) => list.filter((d, i) => list.findIndex((e) => e.platform === d.platform && e.address === d.address) === i));

const ZDomainGroup = z
  .object({
    externalEmails: ZAddressList,
    chatDestinations: ZDestinations,
    events: eventList(WORKFLOW_EVENT_NAMES),
    aggregationMinutes: ZWindowMinutes,
    escalationMinutes: ZWindowMinutes,
  })
  .strict();

const ZGroups = z
  .object({ Approval: ZDomainGroup, Assignment: ZDomainGroup, Shipping: ZDomainGroup, Receiving: ZDomainGroup } satisfies Record<
    GroupName,
    unknown
  >)
  .strict();

/**
 * SMTP as entered. A document read back from the API carries `passwordSet` instead of
 * the password (never shown): it is ignored here, and a password left out keeps the
 * stored one for the same host, port and user only (resolveSmtp); null clears it.
 */
export const ZSmtpInput = z
  .object({
    host: ZHost,
    port: ZPort.nullable().default(null),
    user: z
      .string()
      .trim()
      .max(200, 'must be at most 200 characters')
      .nullable()
      .default(null)
      .transform((v) => v || null),
    password: z.string().max(500, 'must be at most 500 characters').nullable().optional(),
    passwordSet: z.boolean().optional(),
    from: ZNotifyAddress,
  })
  .strict();
export type SmtpInput = z.infer<typeof ZSmtpInput>;

export const ZContentUrl = z
  .object({ protocol: oneOf(['http', 'https'], 'a protocol'), host: ZHost, port: ZPort.nullable().default(null) })
  .strict();

/** Keys a GET answers with that a PUT of the same document may carry back; they are not settings and are ignored. */
const readOnly = { scope: z.unknown().optional(), systemSmtp: z.unknown().optional(), systemUsers: z.unknown().optional() };

export const ZDomainDocument = z
  .object({
    smtp: ZSmtpInput.nullable(),
    groups: ZGroups,
    domain: z.unknown().optional(),
    followsTemplate: z.unknown().optional(),
    ...readOnly,
  })
  .strict();

/** "These settings cannot be changed in the Domain template" (Configuring a Domain Notification Template). */
export const TEMPLATE_SMTP_REFUSAL =
  'SMTP server details and the From address cannot be changed in the Domain template: they are inherited from the system settings, and can be overridden for a specific domain';

export const ZApplyTo = oneOf(['template', 'all'], 'where to apply the template');

export const ZTemplateDocument = z
  .object({
    groups: ZGroups,
    applyTo: ZApplyTo.default('template'),
    smtp: z.unknown().refine((v) => v === undefined, TEMPLATE_SMTP_REFUSAL),
    ...readOnly,
  })
  .strict();

export const ZBillingReminderDays = z
  .number({ invalid_type_error: 'must be a number of days, or off (null)' })
  .int('must be whole days')
  .min(1, 'must be at least 1 day, or off')
  .max(90, 'must be at most 90 days')
  .nullable();

export const ZSystemDocument = z
  .object({
    smtp: ZSmtpInput.nullable(),
    contentUrl: ZContentUrl.nullable(),
    administration: z
      .object({
        externalEmails: ZAddressList,
        chatDestinations: ZDestinations,
        events: eventList(SYSTEM_EVENTS),
        aggregationMinutes: ZWindowMinutes,
      })
      .strict(),
    billingReminderDays: ZBillingReminderDays,
    ...readOnly,
  })
  .strict();

/** The value as the schema reads it, or VALIDATION_FAILED naming every field that is wrong: nothing is saved. */
export function parseSettings<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error));
  return parsed.data;
}
