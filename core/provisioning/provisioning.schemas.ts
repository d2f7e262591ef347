import { z } from 'zod';
import { ZDomainName } from '../directory/domain-name';
import { ZName } from '../text.schemas';

export const ZEmail = z.string().trim().toLowerCase().email('must be an email address').max(254);

export const ZOrderNumber = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');

export const ZLineNumber = z.number().int().min(1).max(9999);

export const ZLineSelection = z.union([z.literal('all'), z.array(ZLineNumber).min(1).max(500)]);

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a calendar date',
  );

/** Order intake, as systems that place orders submit them to POST /api/orders. */
export const ZOrderIntake = z
  .object({
    number: ZOrderNumber,
    subscriptionId: ZName(64),
    offer: ZName(64),
    domain: ZDomainName,
    placedBy: z.object({ email: ZEmail, name: ZName(200) }).strict(),
    requestedStartDate: ZDay,
    lines: z
      .array(
        z
          .object({
            lineNumber: ZLineNumber,
            product: ZName(200),
            provisioningContactEmail: ZEmail,
          })
          .strict(),
      )
      .min(1)
      .max(500)
      .refine((lines) => new Set(lines.map((l) => l.lineNumber)).size === lines.length, 'line numbers must be unique'),
  })
  .strict();
export type OrderIntake = z.infer<typeof ZOrderIntake>;

export const ZOnboarded = z.object({ lines: ZLineSelection, organizationId: ZName(128) }).strict();
export type OnboardedInput = z.infer<typeof ZOnboarded>;

export const ZProvisioned = z.object({ lines: ZLineSelection }).strict();
