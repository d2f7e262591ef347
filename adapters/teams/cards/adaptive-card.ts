import type { ActionId } from '../../presenters/view';

/**
 * The part of the Adaptive Card 1.5 schema provbot renders.
 * https://adaptivecards.io/explorer/ and, for Teams specifics (msteams.width, Action.Execute),
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#adaptive-card
 */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type TextColor = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  style?: 'heading';
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Medium';
  fontType?: 'Monospace';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  separator?: boolean;
  spacing?: 'Small' | 'Medium';
}

/** An input's value comes back in the invoke's `action.data`, under the input's id. https://adaptivecards.io/explorer/Input.Text.html */
export interface InputText {
  type: 'Input.Text';
  id: string;
  label: string;
  value?: string;
  placeholder?: string;
  isRequired?: boolean;
  isMultiline?: boolean;
  maxLength?: number;
  /** Shown by the client when isRequired is not met; the bot's own checks come back as a TextBlock. */
  errorMessage?: string;
}

/** https://adaptivecards.io/explorer/Input.Date.html: Teams shows a date picker; value is YYYY-MM-DD. */
export interface InputDate {
  type: 'Input.Date';
  id: string;
  label: string;
  value?: string;
}

export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: { title: string; value: string }[];
  style: 'compact';
  /** Several choices: the value comes back as the chosen values joined by commas. */
  isMultiSelect?: boolean;
  value?: string;
  placeholder?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

/** A check box: its value comes back as valueOn or valueOff. https://adaptivecards.io/explorer/Input.Toggle.html */
export interface InputToggle {
  type: 'Input.Toggle';
  id: string;
  title: string;
  label?: string;
  valueOn: string;
  valueOff: string;
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

/** Buttons inside the body, under the element they act on (Adaptive Cards 1.2+). https://adaptivecards.io/explorer/ActionSet.html */
export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  spacing?: 'Small' | 'Medium';
}

export type CardElement = TextBlock | FactSet | Container | InputText | InputDate | InputChoiceSet | InputToggle | ActionSet;

/**
 * Every verb the bot answers: the shared dotted ids of the view's buttons, plus the
 * Teams-only refresh of a user-specific view and the submit of the order form.
 */
export type Verb =
  | ActionId
  | 'activity.refresh'
  | 'order.submit'
  | 'onboarding.customer.submit'
  | 'onboarding.template.submit'
  | 'onboarding.customer.edit'
  | 'onboarding.template.edit'
  | 'onboarding.customer.create'
  | 'onboarding.template.create'
  | 'services-setup.next'
  | 'services-setup.back';

/** Universal Actions: the click comes back as an `adaptiveCard/action` invoke carrying verb and data (and the card's input values). */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  /*
   * No `style`: Adaptive Cards 1.2 defines positive and destructive, but Teams' card
   * reference documents no action style for bot cards and Teams shows every button alike.
   * Activity cards, forms and the services setup card say what a button does in its words
   * and order (the primary one first); leaving the property out of the type keeps it out.
   */
  data: Record<string, string>;
}

/** A button that unfolds a small card in place: how a button that needs a typed value asks for it. */
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions: ExecuteAction[] };
}

/** Opens a URL in the browser (the order summary PDF the bot serves behind a signed link). */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = ExecuteAction | ShowCardAction | OpenUrlAction;

/**
 * User-specific views: a client showing the card to one of `userIds` (at most 60)
 * sends `action` as an invoke and shows the card the bot answers with, for that user only.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
 */
export interface CardRefresh {
  action: { type: 'Action.Execute'; title: string; verb: 'activity.refresh'; data: { activityId: string } };
  userIds: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  /** Action.Execute needs 1.4 or later; Teams documents Universal Actions against 1.5. */
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: CardRefresh;
  /** Read by clients that cannot render the card, and by screen readers. */
  fallbackText: string;
  msteams: { width: 'Full' };
}
