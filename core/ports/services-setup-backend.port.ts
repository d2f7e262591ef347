import type { Platform, Telephony } from '../services-setup/country-options';

/**
 * Where a submitted services setup is carried out ("The services setup takes a few
 * minutes"). The Webex public API documents no call for this wizard (it runs inside
 * Control Hub), so the embedded simulator is the only backend for now.
 */
export interface ServicesSetupRequest {
  customerId: string;
  sipAddressName: string;
  countryOfOperation: string;
  dataCenter: string;
  timezone: string | null;
  platform: Platform;
  telephony: Telephony;
}

export interface SetupProgressStep {
  name: string;
  done: boolean;
}

export interface ServicesSetupProgress {
  state: 'running' | 'completed' | 'failed';
  steps: SetupProgressStep[];
  /** Why it failed, in words. */
  failure?: string;
}

export interface ServicesSetupBackend {
  /** Starts the setup; answers at once with the job to follow. */
  start(request: ServicesSetupRequest): Promise<{ jobId: string }>;
  progress(jobId: string): Promise<ServicesSetupProgress>;
}
