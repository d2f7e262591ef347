import { z } from 'zod';

/** `Action.Execute` data of the Approve and Decline buttons (cards/view.card.ts writes it). */
export const ZDecideAccessData = z.object({ requestId: z.string().trim().min(1).max(100) });
