import { describe, expect, it } from 'vitest';
import type { OperationsStatus } from '../../core/index';
import { presentOperations } from './present-operations';
import { viewToText } from './view';

const NOW = new Date('2026-11-23T10:00:00Z');
const status = (over: Partial<OperationsStatus> = {}): OperationsStatus => ({
  version: '0.1.0',
  startedAt: new Date('2026-11-21T07:30:00Z'),
  now: NOW,
  uptimeMs: NOW.getTime() - Date.parse('2026-11-21T07:30:00Z'),
  parts: [
    { name: 'Slack', live: true, why: 'Socket Mode: SLACK_APP_TOKEN and SLACK_BOT_TOKEN are set' },
    { name: 'Email', live: false, why: 'SMTP_URL is not set: emails are written as files to ./outbox' },
  ],
  database: { kind: 'PostgreSQL', migrations: { applied: 7, expected: 7 } },
  outbox: { pending: 0, due: 0, dead: 0, oldestDueAt: null },
  ticks: [{ job: 'notification', at: new Date('2026-11-23T09:59:00Z'), outcome: 'ok' }],
  errors: [],
  ...over,
});

describe('presentOperations', () => {
  it('says a healthy bot is running: version, uptime, each part live or off and why, migrations, ticks', () => {
    const view = presentOperations(status());
    expect(view.tone).toBe('success');
    const text = viewToText(view);
    expect(text).toContain('Version: 0.1.0');
    expect(text).toContain('Up for: 2 days 2 h (since 2026-11-21 07:30 UTC)');
    expect(text).toContain('Slack: live: Socket Mode');
    expect(text).toContain('Email: off: SMTP_URL is not set');
    expect(text).toContain('Database: PostgreSQL: all 7 migrations applied');
    expect(text).toContain('notification: 2026-11-23 09:59 UTC (1 min ago), finished');
    expect(text).toContain('No error logged since the start.');
  });

  it('warns of dead notices, the oldest due, pending migrations, a failed tick and the last errors by kind and time', () => {
    const view = presentOperations(
      status({
        database: { kind: 'SQLite', migrations: { applied: 5, expected: 7 } },
        outbox: { pending: 3, due: 2, dead: 1, oldestDueAt: new Date('2026-11-23T09:15:00Z') },
        ticks: [{ job: 'customer poll', at: new Date('2026-11-23T09:58:00Z'), outcome: 'failed' }],
        errors: [{ kind: 'customer poll failed: TypeError', at: new Date('2026-11-23T09:58:00Z') }],
      }),
    );
    expect(view.tone).toBe('warning');
    const text = viewToText(view);
    expect(text).toContain('2 of 7 migrations not applied yet: run npm run db:migrate');
    expect(text).toContain('Waiting: 3 notice(s), 2 of them due now');
    expect(text).toContain('Given up on: 1');
    expect(text).toContain('Oldest due: 2026-11-23 09:15 UTC (45 min ago)');
    expect(text).toContain('customer poll: 2026-11-23 09:58 UTC (2 min ago), failed');
    expect(text).toContain('2026-11-23 09:58 UTC: customer poll failed: TypeError');
  });

  it('says when the migrations could not be read and when no tick has finished yet', () => {
    const text = viewToText(presentOperations(status({ database: { kind: 'SQLite', migrations: { unreadable: true } }, ticks: [] })));
    expect(text).toContain('the migrations could not be read');
    expect(text).toContain('No tick has finished since the start.');
  });
});
