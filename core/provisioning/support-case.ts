import type { Channel, Person } from './provisioning';

/**
 * "If you still face issues before the PONR, then you may open a case ... Under Type of
 * Request, select Change Provisioning Contact Email" (ccw-change-provisioning-contact), or
 * "select Resend Provisioning Email" (ccw-resend-provisioning-email).
 */
export type SupportRequestType = 'contact' | 'resend';

/** The portal's own words for each type of request, so support sees what the portal would show. */
export const SUPPORT_REQUEST_TYPE_NAMES: Record<SupportRequestType, string> = {
  contact: 'Change Provisioning Contact Email',
  resend: 'Resend Provisioning Email',
};

export interface SupportCase {
  /** CASE-1, CASE-2, ...: one sequence for every order. */
  number: string;
  orderNumber: string;
  lineNumbers: number[];
  requestType: SupportRequestType;
  description: string;
  openedBy: Person;
  channel: Channel;
  /** The support address it was emailed to. */
  sentTo: string;
  createdAt: Date;
}

export type NewSupportCase = Omit<SupportCase, 'number'>;
