import { z } from 'zod';
import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { zodFields } from '../validation-problems';
import { ZEmail } from '../provisioning/provisioning.schemas';
import type { DirectoryUser } from './directory';
import { ROLES } from './directory';
import { ZLineText, ZName } from '../text.schemas';
import { ZGrantDomain } from './domain-name';

export const ZUserInput = z
  .object({
    email: ZEmail,
    name: ZName(200),
    slackUserId: z
      .string()
      .trim()
      .regex(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id such as U012AB3CD')
      .optional(),
    teamsUserId: ZLineText(z.string().trim().min(1).max(200)).optional(),
    roles: z.array(z.object({ role: z.enum(ROLES), domain: ZGrantDomain }).strict()).max(100),
  })
  .strict();

/** POST /api/users: adds or replaces a directory entry (its roles are replaced whole). */
export async function registerUser(deps: CoreDeps, input: unknown): Promise<DirectoryUser> {
  const parsed = ZUserInput.safeParse(input);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error));
  return deps.users.upsert(parsed.data);
}
