import { z } from 'zod';
import { ZEmail } from '../provisioning/provisioning.schemas';

/** A subscriber as POST /api/subscribers (or an administrator in chat) registers one. */
export const ZSubscriber = z
  .object({
    login: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'letters, digits, dot, dash, underscore and @ only'),
    domain: z.string().trim().toLowerCase().min(1).max(253),
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    email: ZEmail,
    phoneNumber: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{0,30}$/, 'a phone number: digits, spaces, dashes, brackets, optional leading +').nullish(),
    department: z.string().trim().min(1).max(100).nullish(),
  })
  .strict();
