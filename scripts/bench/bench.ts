/**
 * The shape every bench module exports: a name and a run that measures and
 * judges. The runner prints all results in one table; a bench never exits the
 * process and never fails the run (it is a measurement, not a test).
 */
export interface BenchRow {
  metric: string;
  value: string;
  /** e.g. "< 50 ms"; absent for figures reported without a target. */
  target?: string;
  pass?: boolean;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
  notes?: string[];
}

export interface Bench {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

/** Nearest-rank percentile of ascending-sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;
