import type { OperationsStatus } from '../../core/index';
import { formatAge } from './durations';
import type { View, ViewSection } from './view';
import { formatInstant } from './view';

/**
 * `ops`: how this bot process is running, one section per question an operator asks
 * first (is it up, is each part live and why, is the database current, is mail getting
 * out, is the scheduler ticking, what failed lately). Errors show their kind and time only.
 */
export function presentOperations(s: OperationsStatus): View {
  const healthy = s.outbox.dead === 0 && s.errors.length === 0 && s.ticks.every((t) => t.outcome === 'ok');
  return {
    title: 'provbot operations',
    tone: healthy ? 'success' : 'warning',
    paragraphs: [
      healthy
        ? 'Everything is running: nothing given up on, no failed tick, no error logged since the start.'
        : 'Something needs a look: see the outbox, the scheduler and the last errors below.',
    ],
    fields: [
      { label: 'Version', value: s.version },
      { label: 'Up for', value: `${formatAge(s.startedAt, s.now)} (since ${formatInstant(s.startedAt)})` },
      { label: 'Database', value: `${s.database.kind}: ${migrationWords(s.database.migrations)}` },
    ],
    sections: [partsSection(s), outboxSection(s), ticksSection(s), errorsSection(s)],
  };
}

function migrationWords(m: OperationsStatus['database']['migrations']): string {
  if ('unreadable' in m) return 'the migrations could not be read (is the database reachable?)';
  if (m.applied >= m.expected) return `all ${m.expected} migrations applied`;
  return `${m.expected - m.applied} of ${m.expected} migrations not applied yet: run npm run db:migrate`;
}

const partsSection = (s: OperationsStatus): ViewSection => ({
  heading: 'Parts',
  fields: s.parts.map((p) => ({ label: p.name, value: `${p.live ? 'live' : 'off'}: ${p.why}` })),
});

function outboxSection(s: OperationsStatus): ViewSection {
  const o = s.outbox;
  return {
    heading: 'Outbox',
    fields: [
      { label: 'Waiting', value: `${o.pending} notice(s), ${o.due} of them due now` },
      { label: 'Given up on', value: String(o.dead) },
      {
        label: 'Oldest due',
        value: o.oldestDueAt ? `${formatInstant(o.oldestDueAt)} (${formatAge(o.oldestDueAt, s.now)} ago)` : 'nothing due',
      },
    ],
  };
}

const ticksSection = (s: OperationsStatus): ViewSection => ({
  heading: 'Scheduler: last tick per job',
  fields: s.ticks.map((t) => ({
    label: t.job,
    value: `${formatInstant(t.at)} (${formatAge(t.at, s.now)} ago), ${t.outcome === 'ok' ? 'finished' : 'failed'}`,
  })),
  ...(s.ticks.length === 0 ? { note: 'No tick has finished since the start.' } : {}),
});

const errorsSection = (s: OperationsStatus): ViewSection => ({
  heading: 'Last errors',
  fields: s.errors.map((e) => ({ label: formatInstant(e.at), value: e.kind })),
  ...(s.errors.length === 0 ? { note: 'No error logged since the start.' } : {}),
});
