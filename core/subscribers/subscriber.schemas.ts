import { z } from 'zod';
import { ZDomainName } from '../directory/domain-name';
import { ZEmail } from '../provisioning/provisioning.schemas';
import { ZName } from '../text.schemas';

/** A subscriber as POST /api/subscribers (or an administrator in chat) registers one. */
export const ZSubscriber = z
  .object({
    login: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'letters, digits, dot, dash, underscore and @ only'),
    domain: ZDomainName,
    firstName: ZName(100),
    lastName: ZName(100),
    email: ZEmail,
    phoneNumber: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{0,30}$/, 'a phone number: digits, spaces, dashes, brackets, optional leading +')
      .nullish(),
    department: ZName(100).nullish(),
  })
  .strict();
