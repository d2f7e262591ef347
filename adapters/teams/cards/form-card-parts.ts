import type { CardElement } from './adaptive-card';
import { cardText } from './card-text';

/** A form card's top: the notice of a refused submit (when there is one), then the form's title. */
export function formHeader(title: string, notice: string | undefined): CardElement[] {
  return [
    ...(notice
      ? [
          {
            type: 'TextBlock' as const,
            text: cardText(notice),
            wrap: true as const,
            color: 'Attention' as const,
            weight: 'Bolder' as const,
          },
        ]
      : []),
    { type: 'TextBlock', text: cardText(title), wrap: true, style: 'heading', weight: 'Bolder', size: 'Medium', color: 'Accent' },
  ];
}

/** The small grey line under an input that says what the field is for. */
export function fieldHint(hint: string | undefined): CardElement[] {
  return hint ? [{ type: 'TextBlock', text: cardText(hint), wrap: true, isSubtle: true, size: 'Small', spacing: 'None' }] : [];
}
