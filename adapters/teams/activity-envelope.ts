import { z } from 'zod';

/**
 * The least an activity must carry before botbuilder and teams-ai touch it: they
 * dereference these fields, and a missing one would be a 500 from deep inside the
 * turn instead of a 400 that says what is wrong.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object
 */
const ZAccount = z.object({ id: z.string().min(1).max(500) });

export const ZActivityEnvelope = z.object({
  type: z.string().min(1).max(100),
  channelId: z.string().min(1).max(100),
  serviceUrl: z
    .string()
    .max(2000)
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
  conversation: ZAccount.extend({ id: z.string().min(1).max(1000) }),
  from: ZAccount,
  recipient: ZAccount,
});

export function describeEnvelopeProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'The request body must be a JSON Bot Framework activity (Content-Type: application/json).';
  }
  const parsed = ZActivityEnvelope.safeParse(body);
  if (parsed.success) return null;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`);
  return `Not a valid Bot Framework activity: ${issues.join('; ')}.`;
}
