import type { FieldKey, OrderableName, ProductType } from '../../core/index';
import { ATTRIBUTE_KEYS, macAddressIssue, ORDERABLE_NAMES, PHONE_TYPES, PRODUCT_TYPES, productsOf } from '../../core/index';
import { ZDay, ZLogin } from '../chat/commands/command-words';
import type { OrderAttributes } from '../chat/commands/parse-order-command';
import { fieldLabel } from './labels';
import { LINE_TYPES } from './order-attributes';

export type OrderFormFieldId =
  | 'subscriberLogin'
  | 'orderable'
  | 'requestedDeliveryDate'
  | 'phoneType'
  | 'macAddress'
  | 'deviceName'
  | 'lineType'
  | 'directoryNumber'
  | 'displayName'
  | 'voicemailAlias'
  | 'emailId';

export interface OrderFormField {
  id: OrderFormFieldId;
  label: string;
  required: boolean;
  type: 'text' | 'choice' | 'date';
  choices?: readonly string[];
  placeholder?: string;
  hint?: string;
  /** What the form starts with: the seed's default, which applies when the field is left as it is. */
  initial?: string;
  maxLength: number;
}

/**
 * The `order` form, for Slack to build a modal and Teams a form card from. Field ids are
 * the keys of the submitted values parseOrderForm takes. The seed's Order Entry wizard
 * asks for the product, then its "Basic <Product Type> Information" (Table 10-3); a
 * chat form cannot change with the product chosen, so it shows the basic fields of
 * every product and says which products each one is for.
 */
export const ORDER_FORM: { title: string; submitLabel: string; fields: readonly OrderFormField[] } = {
  title: 'New order',
  submitLabel: 'Place order',
  fields: [
    {
      id: 'subscriberLogin',
      label: fieldLabel('subscriberLogin'),
      required: true,
      type: 'text',
      placeholder: 'jdoe',
      hint: 'The person the order is for, by their login (see "subscriber <login>").',
      maxLength: 64,
    },
    {
      id: 'orderable',
      label: fieldLabel('orderable'),
      required: true,
      type: 'choice',
      choices: ORDERABLE_NAMES,
      hint: 'What to order. Voicemail and Email need a line the subscriber already has.',
      maxLength: 64,
    },
    {
      id: 'requestedDeliveryDate',
      label: fieldLabel('requestedDeliveryDate'),
      required: false,
      type: 'date',
      hint: 'When the subscriber needs it. Leave empty for as soon as possible.',
      maxLength: 10,
    },
    {
      id: 'phoneType',
      label: fieldLabel('phoneType'),
      required: false,
      type: 'choice',
      choices: PHONE_TYPES,
      // Table 10-3: "Select a phone type from the list." The seed names no default model.
      hint: 'For a phone: the model to ship or the soft phone to set up.',
      maxLength: 64,
    },
    {
      id: 'macAddress',
      label: fieldLabel('macAddress'),
      required: false,
      type: 'text',
      placeholder: '00AABBCCDDEE',
      // Table 10-3: "(Optional) Select a MAC address or enter one."
      hint: 'For a phone, optional: the 12 hexadecimal characters on its label. Shipping can fill it in later.',
      maxLength: 17,
    },
    {
      id: 'deviceName',
      label: fieldLabel('deviceName'),
      required: false,
      type: 'text',
      hint: 'Needed for a CTI Port, IP Communicator or Services Framework: 1 to 15 letters and digits. IP phones take SEP and the MAC address.',
      maxLength: 15,
    },
    {
      id: 'lineType',
      label: fieldLabel('lineType'),
      required: false,
      type: 'choice',
      choices: LINE_TYPES,
      // Table 10-3, Line Type: "Auto-assigned—System automatically assigns a directory number.
      // Chosen Line—You specify a directory number." The core assumes Auto-assigned too.
      initial: 'Auto-assigned',
      hint: 'For a line: Auto-assigned picks a number for you; Chosen Line uses the directory number below.',
      maxLength: 20,
    },
    {
      id: 'directoryNumber',
      label: fieldLabel('directoryNumber'),
      required: false,
      type: 'text',
      // Table 10-3: "The directory number cannot include dashes or spaces."
      hint: 'Only with Chosen Line: digits only, no dashes or spaces.',
      maxLength: 32,
    },
    {
      id: 'displayName',
      label: fieldLabel('displayName'),
      required: false,
      type: 'text',
      hint: 'The name shown for the line (at most 30 characters), voicemail and email. Left empty: the subscriber’s name.',
      maxLength: 64,
    },
    {
      id: 'voicemailAlias',
      label: fieldLabel('alias'),
      required: false,
      type: 'text',
      hint: 'For voicemail. Left empty: the subscriber’s login.',
      maxLength: 64,
    },
    {
      id: 'emailId',
      label: fieldLabel('emailId'),
      required: false,
      type: 'text',
      // Table 10-3: "Enter the email ID. It cannot contain spaces."
      hint: 'For email, no spaces. Left empty: taken from the subscriber’s email address.',
      maxLength: 64,
    },
  ],
};

/** Which catalog attribute each basic field sets. */
const ATTRIBUTE_OF: Partial<Record<OrderFormFieldId, string>> = {
  phoneType: 'phoneType',
  macAddress: 'macAddress',
  deviceName: 'deviceName',
  lineType: 'lineType',
  directoryNumber: 'directoryNumber',
  displayName: 'displayName',
  voicemailAlias: 'alias',
  emailId: 'emailId',
};

const FORM_INPUT_OF: Partial<Record<FieldKey, OrderFormFieldId>> = Object.fromEntries([
  ...ORDER_FORM.fields.map((f) => [ATTRIBUTE_OF[f.id] ?? f.id, f.id] as const),
]);

/** The form input that shows a problem of the core's `field` (alias → voicemailAlias), if the form has one. */
export const orderFormInputOf = (field: FieldKey): OrderFormFieldId | undefined => FORM_INPUT_OF[field];

export interface OrderFormInput {
  subscriberLogin: string;
  orderable: OrderableName;
  requestedDeliveryDate?: string;
  attributes: OrderAttributes;
}

export type OrderFormResult = { ok: true; order: OrderFormInput } | { ok: false; problems: Partial<Record<OrderFormFieldId, string>> };

/**
 * A submitted form, checked field by field so each platform can show a problem under
 * its input. The checks are the seed's own words about the fields; the core validates
 * everything again when the order is placed.
 */
export function parseOrderForm(values: Record<string, string | undefined>): OrderFormResult {
  const problems: Partial<Record<OrderFormFieldId, string>> = {};
  const get = (id: OrderFormFieldId) => values[id]?.trim() || undefined;
  const login = get('subscriberLogin');
  if (!login) problems.subscriberLogin = 'Enter the login of the subscriber the order is for.';
  else if (!ZLogin.safeParse(login).success)
    problems.subscriberLogin = 'A login is letters, digits, dot, dash, underscore and @ (at most 64).';
  const orderable = ORDERABLE_NAMES.find((n) => n.toLowerCase() === get('orderable')?.toLowerCase());
  if (!orderable)
    problems.orderable = get('orderable') ? `"${get('orderable')!.slice(0, 60)}" is not something you can order.` : 'Choose what to order.';
  const date = get('requestedDeliveryDate');
  if (date) {
    const r = ZDay.safeParse(date);
    if (!r.success) problems.requestedDeliveryDate = `${r.error.issues[0]?.message}.`.replace(/^./, (c) => c.toUpperCase());
  }
  const attributes = orderable ? formAttributes(orderable, get, problems) : {};
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    order: { subscriberLogin: login!, orderable: orderable!, ...(date ? { requestedDeliveryDate: date } : {}), attributes },
  };
}

function formAttributes(
  orderable: OrderableName,
  get: (id: OrderFormFieldId) => string | undefined,
  problems: Partial<Record<OrderFormFieldId, string>>,
): OrderAttributes {
  const products = productsOf(orderable);
  const attributes: OrderAttributes = {};
  for (const field of ORDER_FORM.fields) {
    const key = ATTRIBUTE_OF[field.id];
    const raw = get(field.id);
    if (!key || raw === undefined) continue;
    const targets = products.filter((p) => ATTRIBUTE_KEYS[p].includes(key));
    // A default left as it is says nothing about a product that has no such field.
    if (targets.length === 0 && raw.toLowerCase() === field.initial?.toLowerCase()) continue;
    if (targets.length === 0) {
      problems[field.id] = `${field.label} is not part of ${orderable}; leave it empty.`;
      continue;
    }
    const checked = checkValue(field.id, raw);
    if (!checked.ok) problems[field.id] = checked.problem;
    else for (const t of targets) attributes[t] = { ...attributes[t], [key]: checked.value };
  }
  lineTypeAgreement(attributes, problems);
  return attributes;
}

function checkValue(id: OrderFormFieldId, raw: string): { ok: true; value: string } | { ok: false; problem: string } {
  switch (id) {
    case 'macAddress': {
      // "a hexadecimal value ... The value must be 12 characters in length" (Shipping Phones); separators as printed on stickers are dropped.
      // The core's own sentence, so the form and the core say the same under the input.
      const mac = raw.replace(/[:.\s-]/g, '').toUpperCase();
      const issue = macAddressIssue(mac);
      return issue ? { ok: false, problem: issue } : { ok: true, value: mac };
    }
    case 'directoryNumber':
      // "The directory number cannot include dashes or spaces."
      return /^\d{1,32}$/.test(raw)
        ? { ok: true, value: raw }
        : { ok: false, problem: 'A directory number is digits only, without dashes or spaces.' };
    case 'emailId':
      // "Enter the email ID. It cannot contain spaces."
      return /\s/.test(raw) ? { ok: false, problem: 'An email ID cannot contain spaces.' } : { ok: true, value: raw };
    case 'phoneType':
      return oneOf(raw, PHONE_TYPES, 'phone type');
    case 'lineType':
      return oneOf(raw, LINE_TYPES, 'line type');
    default:
      return { ok: true, value: raw };
  }
}

function oneOf(raw: string, choices: readonly string[], what: string): { ok: true; value: string } | { ok: false; problem: string } {
  const hit = choices.find((c) => c.toLowerCase() === raw.toLowerCase());
  return hit ? { ok: true, value: hit } : { ok: false, problem: `"${raw.slice(0, 40)}" is not a ${what}; choose one of the list.` };
}

/** "Chosen Line—You specify a directory number"; an auto-assigned line gets one from the system. */
function lineTypeAgreement(attributes: OrderAttributes, problems: Partial<Record<OrderFormFieldId, string>>) {
  const lines = PRODUCT_TYPES.filter(
    (t: ProductType) => attributes[t]?.lineType !== undefined || attributes[t]?.directoryNumber !== undefined,
  );
  for (const t of lines) {
    const { lineType, directoryNumber } = attributes[t]!;
    if (lineType === 'Chosen Line' && directoryNumber === undefined && !problems.directoryNumber)
      problems.directoryNumber = 'A Chosen Line needs a directory number.';
    if (lineType === 'Auto-assigned' && directoryNumber !== undefined && !problems.directoryNumber) {
      problems.directoryNumber = 'An auto-assigned line gets its number from the system: leave this empty, or choose Chosen Line.';
    }
  }
}
