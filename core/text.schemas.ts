import { z } from 'zod';

/**
 * Control characters (Unicode category Cc: NUL, ESC, DEL, C1 codes...) in a name or a
 * note reach chat messages, emails, logs and terminals: a newline splits a log line or a
 * mail header, ESC drives a terminal. Names and one-line values carry none; free text
 * (notes) keeps line breaks and tabs and nothing else of the kind.
 */
const NO_CONTROL = /^\P{Cc}*$/u;
const ONLY_LINE_CONTROLS = /^[\t\n\r\P{Cc}]*$/u;
export const CONTROL_CHARACTERS_MESSAGE = 'must not contain control characters';

/** Text on one line (a login, an attribute value, an id typed by someone): no control characters. */
export const ZLineText = (schema: z.ZodString = z.string()) => schema.regex(NO_CONTROL, CONTROL_CHARACTERS_MESSAGE);

/** A name (a person's, a department, a product): trimmed, 1 to `max` characters, on one line. */
export const ZName = (max: number) => ZLineText(z.string().trim().min(1).max(max));

/** Free text such as a note: line breaks and tabs allowed, other control characters not. */
export const ZFreeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'is empty')
    .max(max, `must be at most ${max} characters`)
    .regex(ONLY_LINE_CONTROLS, `${CONTROL_CHARACTERS_MESSAGE} other than line breaks and tabs`);
