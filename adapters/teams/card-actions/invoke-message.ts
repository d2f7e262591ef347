import { ActivityTypes } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptive-card';

/**
 * An invoke response that shows the clicker a message and leaves the card as it was,
 * the shape teams-ai sends for a string (AdaptiveCards.js), for routes that answer
 * the invoke themselves.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards#response-format
 */
export function invokeMessage(text: string): Partial<Activity> {
  return {
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
  };
}

/** An invoke response whose card replaces the card for the clicker only. */
export function invokeCard(card: AdaptiveCard): Partial<Activity> {
  return {
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } },
  };
}
