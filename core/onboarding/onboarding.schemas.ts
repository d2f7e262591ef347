import { problemsFromZod, validationFailed } from '../validation-problems';
import { z } from 'zod';
import { WEBEX_PACKAGES } from '../ports/customer-provisioning.port';
import { AUTHENTICATION_METHODS } from './onboarding';
import { countryRefusal } from './supported-countries';

const NO_CONTROL = /^\P{Cc}*$/u;

/** One line of text, every refusal a whole sentence naming `what`, so the issue needs no field label to read. */
export const ZText = (what: string, max: number) =>
  z
    .string({ required_error: `${what} is required.`, invalid_type_error: `${what} must be text.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `${what} must be at most ${max} characters.`)
    .regex(NO_CONTROL, `${what} must not contain control characters.`);

const ZOptionalText = (what: string, max: number) =>
  z
    .string({ invalid_type_error: `${what} must be text.` })
    .trim()
    .max(max, `${what} must be at most ${max} characters.`)
    .regex(NO_CONTROL, `${what} must not contain control characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The partner domain templates and customers belong to, as roles name it (directory/domain-name.ts). */
const ZDomain = ZText('The partner domain', 253)
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, 'The partner domain must look like acme.example.');

/** "each line at most 50 characters" (Webex Wholesale API, address). */
export const ZAddress = z.object(
  {
    addressLine1: ZText('Address line 1', 50),
    addressLine2: ZOptionalText('Address line 2', 50),
    city: ZText('City', 50),
    stateOrProvince: ZOptionalText('State or province', 50),
    postalCode: ZOptionalText('Postal code', 50),
    country: ZText('Country', 50)
      .transform((c) => c.toUpperCase())
      .superRefine((c, ctx) => {
        const refusal = countryRefusal(c);
        if (refusal) ctx.addIssue({ code: z.ZodIssueCode.custom, message: refusal });
      }),
  },
  { required_error: 'The address is required.', invalid_type_error: 'The address must be an object with its lines.' },
);

export const ZPackages = z
  .array(z.enum(WEBEX_PACKAGES, { errorMap: () => ({ message: `Each package must be one of ${WEBEX_PACKAGES.join(', ')}.` }) }), {
    required_error: 'Choose at least one package.',
    invalid_type_error: 'Packages must be a list.',
  })
  .min(1, 'Choose at least one package.')
  .max(WEBEX_PACKAGES.length, 'A package is listed more than once.')
  .refine((p) => new Set(p).size === p.length, 'A package is listed more than once.');

/** An IANA time zone this runtime knows ("America/New_York"). */
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZTemplateInput = z.object({
  domain: ZDomain,
  name: ZText('The template name', 80),
  subscriptionId: ZText('The wholesale subscription', 64),
  authenticationMethod: z.enum(AUTHENTICATION_METHODS, {
    errorMap: () => ({ message: 'The authentication method must be Webex or SSO.' }),
  }),
  pstnVendor: ZOptionalText('The PSTN vendor', 80),
  language: ZText('The default language', 10).regex(/^[a-z]{2}(_[A-Z]{2})?$/, 'The default language must look like en_US or fr.'),
  timezone: ZText('The default time zone', 64).refine(isTimeZone, 'The default time zone must be a time zone such as Europe/Paris.'),
  packages: ZPackages,
});
export type TemplateInput = z.infer<typeof ZTemplateInput>;

export const ZCustomerInput = z.object({
  domain: ZDomain,
  name: ZText('The company name', 80).refine((n) => !n.includes('%'), 'The company name must not contain %.'),
  adminEmail: z
    .string({ required_error: 'The administrator email is required.', invalid_type_error: 'The administrator email must be text.' })
    .trim()
    .toLowerCase()
    .max(254, 'The administrator email must be at most 254 characters.')
    .email('The administrator email must be an email address, such as admin@customer.example.'),
  templateId: ZText('The template', 64),
  packages: ZPackages,
  headquarters: ZAddress,
  supportedLocationVerified: z.literal(true, {
    errorMap: () => ({ message: 'Confirm that the customer is in a Webex supported location.' }),
  }),
  subscriptionId: ZOptionalText('The subscription', 64),
});
export type CustomerInput = z.infer<typeof ZCustomerInput>;

export const ZLocationInput = z.object({ name: ZText('The location name', 80), address: ZAddress });
export type LocationInput = z.infer<typeof ZLocationInput>;

/** Parses `input` or throws VALIDATION_FAILED naming each bad field. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(problemsFromZod(parsed.error));
  return parsed.data;
}
