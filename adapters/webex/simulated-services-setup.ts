import type { Clock, ServicesSetupBackend, ServicesSetupProgress, ServicesSetupRequest } from '../../core/index';

/**
 * The embedded services setup backend. The Webex public API documents no call for the
 * services setup wizard (Control Hub runs it itself), so this simulator is the only
 * backend for now. It behaves as the seed says the real one does ("The services setup
 * takes a few minutes"): steps finish one after another on the given clock. The job id
 * carries its start time, so progress survives a restart of the bot.
 */
export interface SimulatedServicesSetup extends ServicesSetupBackend {
  /** The next setup started fails at its last step with this reason (tests, demos). */
  failNext(reason: string): void;
}

const STEPS = (r: ServicesSetupRequest) => [
  `Create the contact centre tenant in the ${r.dataCenter} data centre`,
  'Set up the calling and telephony integration',
  'Provision Webex Connect and Webex Engage digital services',
  'Sync the administrators between Control Hub and Connect',
];

export function createSimulatedServicesSetup(clock: Clock, options: { stepMs?: number } = {}): SimulatedServicesSetup {
  const stepMs = options.stepMs ?? 45_000;
  const jobs = new Map<string, { request: ServicesSetupRequest; startedAt: number; failure: string | null }>();
  let nextFailure: string | null = null;
  let sequence = 0;
  return {
    failNext(reason) {
      nextFailure = reason;
    },
    async start(request) {
      const startedAt = clock.now().getTime();
      sequence += 1;
      const jobId = `sim-${startedAt.toString(36)}-${sequence}-${request.customerId}`;
      jobs.set(jobId, { request, startedAt, failure: nextFailure });
      nextFailure = null;
      return { jobId };
    },
    async progress(jobId): Promise<ServicesSetupProgress> {
      const job = jobs.get(jobId) ?? fromJobId(jobId);
      const names = job ? STEPS(job.request) : STEPS({ dataCenter: 'assigned' } as ServicesSetupRequest);
      const startedAt = job?.startedAt ?? 0;
      const done = Math.min(names.length, Math.floor((clock.now().getTime() - startedAt) / stepMs));
      const steps = names.map((name, i) => ({ name, done: i < done }));
      if (done < names.length) return { state: 'running', steps };
      if (job?.failure)
        return { state: 'failed', steps: steps.map((s, i) => ({ ...s, done: i < names.length - 1 })), failure: job.failure };
      return { state: 'completed', steps };
    },
  };
}

/** A job started before a restart: its start time is in its id; the data centre is no longer known. */
function fromJobId(jobId: string) {
  const startedAt = Number.parseInt(jobId.split('-')[1] ?? '', 36);
  return Number.isFinite(startedAt) ? { request: { dataCenter: 'assigned' } as ServicesSetupRequest, startedAt, failure: null } : null;
}
