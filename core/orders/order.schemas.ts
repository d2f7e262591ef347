import { z } from 'zod';
import { ROLES } from '../directory/directory';
import { ZDomainName } from '../directory/domain-name';
import { ZEmail } from '../provisioning/provisioning.schemas';
import { ZLineText } from '../text.schemas';

/** YYYY-MM-DD, a calendar day. */
export const ZDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a calendar date',
  );

export const ZAssignee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), email: ZEmail }).strict(),
  z.object({ kind: z.literal('group'), role: z.enum(ROLES) }).strict(),
]);

/**
 * A step's rule names who does it: nobody (null skips the step), a person, or the
 * group of the step's role ("This user must be assigned the Assignment role",
 * Processing Orders): another role's holders could not act on the activity.
 */
const doneBy = (role: (typeof ROLES)[number]) =>
  ZAssignee.nullable().refine((a) => a?.kind !== 'group' || a.role === role, { message: `a group here can only be the ${role} group` });

/** Business rules of a domain ("Processing Orders"; Business Rules, page 11-2). */
export const ZDomainRules = z
  .object({
    domain: ZDomainName,
    isAuthorizationRequiredForAddOrder: z.boolean(),
    isAuthorizationRequiredForChangeOrder: z.boolean(),
    isAuthorizationRequiredForCancelOrder: z.boolean(),
    phoneAssignmentDoneBy: doneBy('Assignment'),
    phoneShippingDoneBy: doneBy('Shipping'),
    phoneReceiptDoneBy: doneBy('Receiving'),
    allowAuthorToApprove: z.boolean(),
  })
  .strict();

const text = (max: number) => ZLineText(z.string({ invalid_type_error: 'must be text' }).max(max, `must be at most ${max} characters`));
const ZAttributeValues = z.record(text(500), { invalid_type_error: 'attribute values must be text' });

/**
 * The shape of an order request as systems send it (the REST API passes JSON through):
 * text where text is expected, checked before anything is read or written. What the
 * values mean is checked by the use cases.
 */
export const ZPlaceWorkOrderFields = z.object({
  subscriberLogin: text(64).min(1, 'is required'),
  orderable: text(100).min(1, 'is required'),
  attributes: z.record(ZAttributeValues, { invalid_type_error: 'must be an object of product types' }).optional(),
  parentProductId: text(100).optional(),
  requestedDeliveryDate: text(20).optional(),
});

export const ZChangeProductFields = z.object({
  productId: text(100).min(1, 'is required'),
  changeKind: text(20),
  attributes: ZAttributeValues.optional(),
  newOwnerLogin: text(64).optional(),
});
