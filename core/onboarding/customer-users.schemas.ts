import { z } from 'zod';
import { WEBEX_PACKAGES } from '../ports/customer-provisioning.port';
import { ZText } from './onboarding.schemas';
import { ADMIN_ROLES } from './customer-users';

const ZOptional = (inner: z.ZodTypeAny) =>
  z.preprocess((v) => ((typeof v === 'string' && v.trim() === '') || v === null ? undefined : v), inner.optional());

/** One user of a batch, before the rules that need the customer (its packages, locations, country). */
export const ZCustomerUserRow = z.object({
  firstName: ZText('The first name', 64),
  lastName: ZText('The last name', 64),
  email: z
    .string({ required_error: 'The email address is required.', invalid_type_error: 'The email address must be text.' })
    .trim()
    .toLowerCase()
    .max(254, 'The email address must be at most 254 characters.')
    .email('The email address must be an email address, such as ada@customer.example.'),
  package: z.enum(WEBEX_PACKAGES, {
    errorMap: () => ({ message: `The package must be one of ${WEBEX_PACKAGES.join(', ')}.` }),
  }),
  locationId: ZText('The location', 64),
  phoneNumber: ZOptional(
    z.string({ invalid_type_error: 'The phone number must be text.' }).trim().max(32, 'The phone number is too long.'),
  ),
  extension: ZOptional(
    z
      .string({ invalid_type_error: 'The extension must be text.' })
      .trim()
      .regex(/^\d{2,10}$/, 'The extension must be 2 to 10 digits.'),
  ),
  adminRole: ZOptional(
    z.enum(ADMIN_ROLES, { errorMap: () => ({ message: `The administrator role must be one of ${ADMIN_ROLES.join(', ')}.` }) }),
  ),
});
export type CustomerUserRow = z.output<typeof ZCustomerUserRow>;

/** At most this many users in one batch: a CSV of a whole office, not of a whole country. */
export const MAX_USERS_PER_BATCH = 5_000;
