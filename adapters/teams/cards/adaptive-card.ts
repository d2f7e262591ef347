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

export type CardElement = TextBlock | FactSet | Container;

/** Universal Actions: the click comes back as an `adaptiveCard/action` invoke carrying verb and data. */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: ActionId;
  data: { requestId: string };
  style: 'positive' | 'destructive';
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  /** Action.Execute needs 1.4 or later; Teams documents Universal Actions against 1.5. */
  version: '1.5';
  body: CardElement[];
  actions?: ExecuteAction[];
  /** Read by clients that cannot render the card, and by screen readers. */
  fallbackText: string;
  msteams: { width: 'Full' };
}
