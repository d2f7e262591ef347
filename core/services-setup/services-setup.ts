import type { SetupProgressStep } from '../ports/services-setup-backend.port';
import type { Channel } from '../provisioning/provisioning';
import type { Platform, Telephony } from './country-options';

/**
 * A customer's services setup wizard (Control Hub, "Services setup wizard"): draft
 * while administrators fill it in, submitted while the backend works ("takes a few
 * minutes"), then completed or failed. `version` grows by one with every stored
 * change, so two administrators' changes never overwrite each other unseen.
 */
export type SetupState = 'draft' | 'submitted' | 'completed' | 'failed';

export interface ServicesSetup {
  customerId: string;
  /** 0 while nothing is stored. */
  version: number;
  state: SetupState;
  sipAddressName: string | null;
  /** ISO 3166 alpha-2; null means the order mapping's country, not yet saved. */
  countryOfOperation: string | null;
  /** "You can't change the country of operation ... after you click confirm." */
  countryConfirmedAt: Date | null;
  countryConfirmedBy: string | null;
  timezone: string | null;
  platform: Platform | null;
  telephony: Telephony | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  /** Where the submitter is told of progress and handed the order summary (their chat, else email); null before Submit. */
  submitter: SetupSubmitter | null;
  backendJobId: string | null;
  progress: SetupProgressStep[];
  completedAt: Date | null;
  failure: string | null;
  updatedAt: Date;
}

export const emptySetup = (customerId: string, now: Date): ServicesSetup => ({
  customerId,
  version: 0,
  state: 'draft',
  sipAddressName: null,
  countryOfOperation: null,
  countryConfirmedAt: null,
  countryConfirmedBy: null,
  timezone: null,
  platform: null,
  telephony: null,
  submittedAt: null,
  submittedBy: null,
  submitter: null,
  backendJobId: null,
  progress: [],
  completedAt: null,
  failure: null,
  updatedAt: now,
});

/** The submitter as the chat adapter heard them: a chat platform reaches them in their direct chat. */
export interface SetupSubmitter {
  channel: Channel;
  platformUserId: string | null;
  email: string | null;
}

/** The seed's reason, shown when a confirmed country is changed. */
export const COUNTRY_LOCKED = "the country of operation can't be changed after confirmation";

/** The wizard's pages after the Summary, in the seed's order. */
export const SETUP_STEPS = ['calling-setup', 'country', 'timezone', 'platform', 'telephony', 'review'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** A Connect administrator's activation deadline (after the setup, "within 7 business days"). */
export interface NewConnectActivation {
  customerId: string;
  customerName: string;
  partnerDomain: string;
  adminEmail: string;
  deadline: Date;
  /** Two business days before the deadline. */
  remindAt: Date;
}

export interface ConnectActivation extends NewConnectActivation {
  id: string;
  remindedAt: Date | null;
  expiredAt: Date | null;
  activatedAt: Date | null;
}
