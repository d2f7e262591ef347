import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { problemsFromZod } from './validation-problems';

const problemsOf = (schema: z.ZodTypeAny, value: unknown, rename?: Parameters<typeof problemsFromZod>[1]) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return problemsFromZod(parsed.error, rename);
};

describe('problemsFromZod', () => {
  it('names the input by its key, list positions dropped, an unknown one by its nearest known parent', () => {
    const schema = z.object({
      placedBy: z.object({ email: z.string().email('must be an email address') }),
      lines: z.array(z.object({ provisioningContactEmail: z.string().email('must be an email address') })),
      smtp: z.object({ colour: z.number() }),
    });
    const value = { placedBy: { email: 'x' }, lines: [{ provisioningContactEmail: 'y' }], smtp: { colour: 'red' } };
    expect(problemsOf(schema, value).map((p) => p.field)).toEqual(['placedBy.email', 'lines.provisioningContactEmail', 'smtp']);
  });

  it("replaces zod's default words with plain sentences, and keeps a schema's own", () => {
    const schema = z
      .object({ login: z.string(), name: z.string().min(1), roles: z.array(z.string()).min(1), limit: z.number().max(5) })
      .strict();
    expect(problemsOf(schema, { name: '', roles: [], limit: 9, colour: 1 })).toEqual([
      { field: 'login', message: 'This is required.' },
      { field: 'name', message: 'This is required.' },
      { field: 'roles', message: 'Give at least one.' },
      { field: 'limit', message: 'Must be at most 5.' },
      { field: 'request', message: '"colour" is not expected here.' },
    ]);
    expect(problemsOf(z.object({ email: z.string().email('must be an email address') }), { email: 'x' })).toEqual([
      { field: 'email', message: 'Must be an email address.' },
    ]);
  });

  it('gives a schema of one value the field it is about', () => {
    expect(problemsOf(z.string().min(1, 'is empty'), '', { '': 'note' })).toEqual([{ field: 'note', message: 'This is empty.' }]);
  });
});
