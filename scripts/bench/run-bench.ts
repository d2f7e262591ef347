/**
 * `npm run bench [-- <name>...]`: runs every bench (or those named) one after the
 * other and prints a summary table. To add a bench, export a `Bench` from a module
 * here and list it in BENCHES. Always exits 0: targets are reported, not enforced.
 */
import type { Bench, BenchResult } from './bench';
import { customerUsersCsvBench } from './customer-users-csv.bench';
import { decisionsBench } from './decisions.bench';
import { deliveryOutageBench } from './delivery-outage.bench';
import { escalationSweepBench } from './escalation-sweep.bench';
import { outboxThroughputBench } from './outbox-throughput.bench';
import { outboxVsPgBossBench } from './outbox-vs-pg-boss.bench';
import { slackApprovalBench } from './slack-approval.bench';
import { slackStatusBench } from './slack-status.bench';

const BENCHES: Bench[] = [
  slackStatusBench,
  slackApprovalBench,
  decisionsBench,
  outboxThroughputBench,
  outboxVsPgBossBench,
  escalationSweepBench,
  deliveryOutageBench,
  customerUsersCsvBench,
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
  if (selected.length === 0) {
    console.log(`No bench named ${wanted.join(', ')}. Available: ${BENCHES.map((b) => b.name).join(', ')}`);
    return;
  }
  const results: BenchResult[] = [];
  for (const bench of selected) {
    console.log(`\n▶ ${bench.name}: ${bench.description}`);
    try {
      results.push(await bench.run());
    } catch (err) {
      results.push({
        name: bench.name,
        rows: [{ metric: 'run', value: `error: ${err instanceof Error ? err.message : String(err)}`, pass: false }],
      });
    }
  }
  printSummary(results);
}

function printSummary(results: BenchResult[]): void {
  const rows = results.flatMap((r) =>
    r.rows.map((row) => [r.name, row.metric, row.value, row.target ?? '', row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL']),
  );
  const header = ['bench', 'metric', 'value', 'target', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  for (const r of results) for (const note of r.notes ?? []) console.log(`\n${r.name}: ${note}`);
}

main()
  .catch((err) => console.error('bench runner failed:', err))
  // Open handles (keep-alive sockets, timers) must not keep a finished run alive.
  .finally(() => process.exit(0));
