/**
 * Block Kit's documented limits, checked the way Slack checks them: a payload that
 * breaks one is refused whole (`invalid_blocks`, or `invalid_arguments` for a view).
 * https://docs.slack.dev/reference/block-kit/blocks (each block's page),
 * https://docs.slack.dev/reference/block-kit/block-elements, .../composition-objects,
 * https://docs.slack.dev/reference/views/modal-views and .../home-tab-views.
 * Returns what is wrong, one line each, with the path to it; empty when Slack would take it.
 */
export type Surface = 'message' | 'modal' | 'home';

type Obj = Record<string, unknown>;
type Report = (path: string, problem: string) => void;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Blocks per message 50, per modal or Home tab 100 ("blocks" on each surface's page). */
const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

export function blockKitProblems(blocks: unknown, surface: Surface): string[] {
  const problems: string[] = [];
  const report: Report = (path, problem) => problems.push(`${path}: ${problem}`);
  if (!Array.isArray(blocks)) return ['blocks: not an array'];
  if (blocks.length > MAX_BLOCKS[surface]) report('blocks', `${blocks.length} blocks; a ${surface} holds at most ${MAX_BLOCKS[surface]}`);
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const path = `blocks[${i}]`;
    if (!isObj(b)) {
      report(path, 'not an object');
      return;
    }
    const id = str(b.block_id);
    if (id !== null) {
      if (id.length === 0 || id.length > 255) report(`${path}.block_id`, 'must be 1 to 255 characters');
      if (blockIds.has(id)) report(`${path}.block_id`, `"${id}" is used twice; block_ids must be unique`);
      blockIds.add(id);
    }
    block(b, path, report);
  });
  return problems;
}

/** A view (views.open, views.update, views.publish): its own fields, then its blocks. */
export function viewProblems(view: unknown): string[] {
  if (!isObj(view)) return ['view: not an object'];
  const problems: string[] = [];
  const report: Report = (path, problem) => problems.push(`${path}: ${problem}`);
  const type = view.type;
  if (type !== 'modal' && type !== 'home') return [`view.type: "${String(type)}" is neither modal nor home`];
  if (type === 'modal') {
    text(view.title, 'view.title', report, { max: 24, plain: true });
    if (view.submit !== undefined) text(view.submit, 'view.submit', report, { max: 24, plain: true });
    if (view.close !== undefined) text(view.close, 'view.close', report, { max: 24, plain: true });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) report('view.submit', 'a modal with input blocks needs a submit button');
  }
  for (const [key, max] of [
    ['private_metadata', 3000],
    ['callback_id', 255],
    ['external_id', 255],
  ] as const) {
    const v = view[key];
    if (v !== undefined && (typeof v !== 'string' || v.length > max)) report(`view.${key}`, `at most ${max} characters`);
  }
  return [...problems, ...blockKitProblems(view.blocks, type)];
}

function block(b: Obj, path: string, report: Report): void {
  switch (b.type) {
    case 'header': {
      text(b.text, `${path}.text`, report, { max: 150, plain: true });
      return;
    }
    case 'section': {
      section(b, path, report);
      return;
    }
    case 'context':
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) {
        report(`${path}.elements`, 'a context block holds 1 to 10 elements');
        return;
      }
      b.elements.forEach((e, i) => {
        if (isObj(e) && e.type === 'image') return;
        text(e, `${path}.elements[${i}]`, report, { max: 3000 });
      });
      return;
    case 'actions':
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25) {
        report(`${path}.elements`, 'an actions block holds 1 to 25 elements');
        return;
      }
      uniqueActionIds(b.elements, path, report);
      b.elements.forEach((e, i) => {
        element(e, `${path}.elements[${i}]`, report);
      });
      return;
    case 'input':
      text(b.label, `${path}.label`, report, { max: 2000, plain: true });
      if (b.hint !== undefined) text(b.hint, `${path}.hint`, report, { max: 2000, plain: true });
      {
        element(b.element, `${path}.element`, report);
        return;
      }
    case 'divider':
      return;
    default:
      report(`${path}.type`, `"${String(b.type)}" is not a block type provbot may send`);
  }
}

function section(b: Obj, path: string, report: Report): void {
  if (b.text === undefined && b.fields === undefined) report(path, 'a section needs text or fields');
  if (b.text !== undefined) text(b.text, `${path}.text`, report, { max: 3000 });
  if (b.fields !== undefined) {
    if (!Array.isArray(b.fields) || b.fields.length === 0 || b.fields.length > 10)
      report(`${path}.fields`, 'a section holds 1 to 10 fields');
    else
      b.fields.forEach((f, i) => {
        text(f, `${path}.fields[${i}]`, report, { max: 2000 });
      });
  }
  if (b.accessory !== undefined) element(b.accessory, `${path}.accessory`, report);
}

/** "action_id ... Should be unique among all other action_ids in the containing block." */
function uniqueActionIds(elements: unknown[], path: string, report: Report): void {
  const seen = new Set<string>();
  elements.forEach((e, i) => {
    const id = isObj(e) ? str(e.action_id) : null;
    if (id === null) return;
    if (seen.has(id)) report(`${path}.elements[${i}].action_id`, `"${id}" is used twice in one block; Slack refuses the message`);
    seen.add(id);
  });
}

function element(e: unknown, path: string, report: Report): void {
  if (!isObj(e)) {
    report(path, 'not an object');
    return;
  }
  const actionId = e.action_id;
  if (actionId !== undefined && (typeof actionId !== 'string' || actionId.length === 0 || actionId.length > 255))
    report(`${path}.action_id`, 'must be 1 to 255 characters');
  if (e.placeholder !== undefined) text(e.placeholder, `${path}.placeholder`, report, { max: 150, plain: true });
  switch (e.type) {
    case 'button':
      text(e.text, `${path}.text`, report, { max: 75, plain: true });
      if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length > 2000))
        report(`${path}.value`, 'at most 2000 characters');
      if (e.url !== undefined && (typeof e.url !== 'string' || e.url.length > 3000)) report(`${path}.url`, 'at most 3000 characters');
      if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger')
        report(`${path}.style`, 'is primary or danger, or absent');
      return;
    case 'static_select': {
      options(e, path, report, 100);
      return;
    }
    case 'overflow': {
      options(e, path, report, 5);
      return;
    }
    // https://docs.slack.dev/reference/block-kit/block-elements/multi-select-menu-element: up to 100 options.
    case 'multi_static_select': {
      options(e, path, report, 100);
      return;
    }
    // https://docs.slack.dev/reference/block-kit/block-elements/checkboxes-element: up to 10 options.
    case 'checkboxes': {
      options(e, path, report, 10);
      return;
    }
    case 'datepicker':
      if (e.initial_date !== undefined && !isDay(e.initial_date)) report(`${path}.initial_date`, 'must be YYYY-MM-DD');
      return;
    case 'plain_text_input': {
      plainTextInput(e, path, report);
      return;
    }
    default:
      report(`${path}.type`, `"${String(e.type)}" is not an element provbot may send`);
  }
}

function plainTextInput(e: Obj, path: string, report: Report): void {
  for (const key of ['min_length', 'max_length'] as const) {
    const n = e[key];
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 3000)) report(`${path}.${key}`, 'is 0 to 3000');
  }
  const initial = e.initial_value;
  if (initial !== undefined && typeof e.max_length === 'number' && String(initial).length > e.max_length)
    report(`${path}.initial_value`, 'is longer than max_length');
}

/** Option text at most 75 characters, value at most 150; at most 100 options in a select. */
function options(e: Obj, path: string, report: Report, max: number): void {
  if (!Array.isArray(e.options) || e.options.length === 0 || e.options.length > max) {
    report(`${path}.options`, `holds 1 to ${max} options`);
    return;
  }
  const values: unknown[] = [];
  e.options.forEach((o, i) => {
    if (!isObj(o)) {
      report(`${path}.options[${i}]`, 'not an object');
      return;
    }
    text(o.text, `${path}.options[${i}].text`, report, { max: 75, plain: true });
    if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > 150)
      report(`${path}.options[${i}].value`, 'must be 1 to 150 characters');
    values.push(o.value);
  });
  const initial = e.initial_option;
  if (initial !== undefined && !(isObj(initial) && values.includes(initial.value)))
    report(`${path}.initial_option`, 'must be one of the options');
  // Multi-selects and check boxes: "initial_options … must exactly match one or more of the options".
  const initials = e.initial_options;
  if (
    initials !== undefined &&
    !(Array.isArray(initials) && initials.length > 0 && initials.every((o) => isObj(o) && values.includes(o.value)))
  )
    report(`${path}.initial_options`, 'must be one or more of the options');
}

/** A text object: plain_text or mrkdwn, 1 to `max` characters. */
function text(t: unknown, path: string, report: Report, o: { max: number; plain?: boolean }): void {
  if (!isObj(t)) {
    report(path, 'a text object is required');
    return;
  }
  if (o.plain ? t.type !== 'plain_text' : t.type !== 'plain_text' && t.type !== 'mrkdwn') {
    report(`${path}.type`, o.plain ? 'must be plain_text' : 'must be plain_text or mrkdwn');
    return;
  }
  const s = str(t.text);
  if (s === null || s.length === 0) {
    report(`${path}.text`, 'must not be empty');
    return;
  }
  if (s.length > o.max) report(`${path}.text`, `${s.length} characters; at most ${o.max}`);
}

const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
