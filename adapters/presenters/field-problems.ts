import type { FieldKey, FieldProblem } from '../../core/index';
import { fieldLabel } from './labels';

/** "MAC address: Must be 12 hexadecimal digits …": a problem where no input is there to put it under. */
export const problemText = (p: FieldProblem): string => (p.field === 'request' ? p.message : `${fieldLabel(p.field)}: ${p.message}`);

/**
 * The problems shown under one input (a modal's, a card's): its own in its words alone,
 * the label already being above them; any other field's named by its label.
 */
export function underInput(fields: readonly FieldProblem[], input: FieldKey): string {
  return fields.map((p) => (p.field === input ? p.message : problemText(p))).join(' ');
}

/**
 * Problems sorted under a form's inputs: `inputOf` says which input shows a field (none:
 * the field is not on the form). Several under one input read one after the other.
 */
export function problemsByInput<I extends string>(
  fields: readonly FieldProblem[],
  inputOf: (field: FieldKey) => I | undefined,
): { byInput: Partial<Record<I, string>>; rest: FieldProblem[] } {
  const byInput: Partial<Record<I, string>> = {};
  const rest: FieldProblem[] = [];
  for (const p of fields) {
    const input = inputOf(p.field);
    if (input === undefined) rest.push(p);
    else byInput[input] = byInput[input] ? `${byInput[input]} ${p.message}` : p.message;
  }
  return { byInput, rest };
}
