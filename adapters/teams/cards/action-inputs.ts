import { DELEGATE_PLACEHOLDER } from '../../chat/commands/parse-delegate-to';
import type { ViewAction } from '../../presenters/view';
import type { CardElement, ExecuteAction, InputText, ShowCardAction, TextBlock } from './adaptive-card';
import { cardText } from './card-text';

type InputKind = NonNullable<ViewAction['input']>;

/**
 * The typed value a button needs, as an Input.Text: the client puts its value in the
 * invoke's `action.data` under `id`, next to the button's own data.
 */
export const ACTION_INPUTS = {
  // "Enter the MAC Address for the phone" (Approving Orders); "a hexadecimal value ... 12
  // characters in length" (Shipping Phones). Room for separators: the core says what is wrong.
  'mac-address': {
    id: 'macAddress',
    label: 'MAC address of the phone',
    placeholder: '12 hexadecimal characters, such as 00AABBCCDDEE',
    maxLength: 17,
  },
  // "If you delegate the activity, new user or group is assigned to the activity" (Approving Orders).
  'delegate-to': {
    id: 'delegateTo',
    label: 'Delegate to',
    placeholder: DELEGATE_PLACEHOLDER,
    maxLength: 254,
  },
  // Optional: the subscriber's rejection email has a "Reason given" line for it.
  'reject-reason': {
    id: 'rejectReason',
    label: 'Reason (optional; the subscriber sees it in their email)',
    placeholder: 'Why the order is rejected',
    maxLength: 1000,
  },
} as const satisfies Record<InputKind, { id: string; label: string; placeholder: string; maxLength: number }>;

/** Inputs the button runs without: an empty one is sent as it is. */
const OPTIONAL: ReadonlySet<InputKind> = new Set(['reject-reason']);

/** What a typed value was refused for, shown under its input with the value kept. */
export interface InputProblem {
  actionId: ViewAction['id'];
  value: string;
  problem: string;
}

/** Access requests carry their id; activities `<activityId>@<orderVersion>` (view.ts activityActionValue). */
function actionData(a: ViewAction): Record<string, string> {
  return a.id.startsWith('access.') ? { requestId: a.value } : { value: a.value };
}

export function executeAction(a: ViewAction): ExecuteAction {
  // No style: see ExecuteAction.
  return { type: 'Action.Execute', title: a.label, verb: a.id, data: actionData(a) };
}

/**
 * Required only inside its unfolding card, where just its own button sends it: in the
 * body every button of the card would send it, and the client would refuse an Accept
 * or a Delegate with the input left empty. Empty, the core says what is missing.
 */
export function inputElement(kind: InputKind, o: { value?: string; required: boolean }): InputText {
  const i = ACTION_INPUTS[kind];
  return {
    type: 'Input.Text',
    id: i.id,
    label: i.label,
    placeholder: i.placeholder,
    maxLength: i.maxLength,
    ...(kind === 'reject-reason' ? { isMultiline: true } : {}),
    ...(o.required && !OPTIONAL.has(kind) ? { isRequired: true, errorMessage: `${i.label} is required.` } : {}),
    ...(o.value ? { value: o.value } : {}),
  };
}

export function problemText(problem: string): TextBlock {
  return { type: 'TextBlock', text: cardText(problem), wrap: true, color: 'Attention', spacing: 'Small' };
}

/**
 * A button that needs a typed value unfolds a small card with the input and the
 * button that sends it (Teams collapses it again when the card is replaced).
 */
export function showCardAction(a: ViewAction & { input: InputKind }): ShowCardAction {
  return {
    type: 'Action.ShowCard',
    title: a.label,
    card: { type: 'AdaptiveCard', body: [inputElement(a.input, { required: true })], actions: [executeAction(a)] },
  };
}

/**
 * A refused value is shown in the body, unfolded, with the value kept and the reason
 * under it: after a card is replaced nothing is unfolded, and the reason must be seen.
 */
export function openInput(a: ViewAction & { input: InputKind }, problem: InputProblem): CardElement {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [inputElement(a.input, { value: problem.value, required: false }), problemText(problem.problem)],
  };
}
