/**
 * What the running bot knows about itself, for `ops` (the core has no process, config
 * or package file to read). Nothing here may carry a secret or a message's text: a
 * part says whether it is live and which setting made it so, an error only its kind.
 */
export interface PartState {
  /** "Slack", "Teams", "Email". */
  name: string;
  live: boolean;
  /** Which setting made it so, in words: "signing secret and bot token set", "SMTP_URL is not set: files in ./outbox". */
  why: string;
}

export interface SchedulerTick {
  /** The job as the scheduler names it: "provisioning", "notification", "customer poll". */
  job: string;
  at: Date;
  outcome: 'ok' | 'failed';
}

export interface RecentError {
  /** Where it happened and its error class or code ("customer poll failed: TypeError"); never the error's message. */
  kind: string;
  at: Date;
}

export interface SelfDescription {
  version: string;
  startedAt: Date;
  parts: PartState[];
  database: { kind: string; migrations: { applied: number; expected: number } | { unreadable: true } };
  /** The last tick of each job, the most recent first. */
  ticks: SchedulerTick[];
  /** The last errors logged, the most recent first. */
  errors: RecentError[];
}

export interface SelfReport {
  describe(): Promise<SelfDescription>;
}
