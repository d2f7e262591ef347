import { problemsFromZod, validationFailed } from '../validation-problems';
import { z } from 'zod';
import { ZLineText } from '../text.schemas';

/**
 * A SIP address name is the first label of the organization's Webex calling domain
 * (`<name>.calls.webex.com`): letters, digits and inner hyphens, as a DNS label.
 */
const SIP_ADDRESS_NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export const ZUpdateServicesSetup = z
  .object({
    sipAddressName: z
      .string({ invalid_type_error: 'The SIP address name must be text' })
      .trim()
      .toLowerCase()
      .regex(SIP_ADDRESS_NAME, 'The SIP address name must be 1 to 40 letters, digits or inner hyphens')
      .optional(),
    countryOfOperation: z
      .string({ invalid_type_error: 'The country of operation must be a two-letter country code' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'The country of operation must be a two-letter country code such as US or GB')
      .optional(),
    confirmCountry: z.boolean({ invalid_type_error: 'confirmCountry must be true or false' }).optional(),
    timezone: ZLineText(
      z.string({ invalid_type_error: 'The time zone must be text' }).trim().max(64, 'The time zone is too long'),
    ).optional(),
    platform: ZLineText(
      z.string({ invalid_type_error: 'The platform must be text' }).trim().max(64, 'The platform is too long'),
    ).optional(),
    telephony: ZLineText(
      z.string({ invalid_type_error: 'The telephony option must be text' }).trim().max(64, 'The telephony option is too long'),
    ).optional(),
  })
  .strict();
export type UpdateServicesSetupInput = z.infer<typeof ZUpdateServicesSetup>;

/** VALIDATION_FAILED naming each field, with the same sentences as issues. */

export function parseUpdate(input: unknown): UpdateServicesSetupInput {
  const parsed = ZUpdateServicesSetup.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw validationFailed(problemsFromZod(parsed.error));
}

/** An IANA time zone name the runtime knows ("America/New_York"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}
