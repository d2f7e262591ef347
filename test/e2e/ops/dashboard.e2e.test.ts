import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startTestBot } from '../../fakes/test-bot';
import { METRICS_TOKEN, scrapeMetrics } from './scrape-metrics';

const DASHBOARD = new URL('../../../manifest/grafana/provbot-dashboard.json', import.meta.url);

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  targets: { refId: string; expr: string }[];
}

/** The metric names a PromQL expression reads: identifiers followed by `{`, `[`, `)` or the end, not functions or labels. */
function metricsIn(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '{}').replace(/by \([^)]*\)/g, '');
  return [...withoutLabels.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)]
    .map((m) => m[1]!)
    .filter((n) => /_/.test(n) && n !== 'histogram_quantile');
}

describe('the Grafana dashboard (manifest/grafana/provbot-dashboard.json)', () => {
  it("has Grafana's dashboard shape: a title, a schema version and panels whose targets carry a query", async () => {
    const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8'));
    expect(typeof dashboard.title).toBe('string');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const panels = dashboard.panels as Panel[];
    expect(panels.length).toBeGreaterThan(5);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const p of panels) {
      expect(p.title, JSON.stringify(p)).toMatch(/\S/);
      expect(['timeseries', 'stat']).toContain(p.type);
      expect(p.gridPos.w).toBeGreaterThan(0);
      expect(p.targets.length).toBeGreaterThan(0);
      for (const t of p.targets) {
        expect(t.refId).toMatch(/^[A-Z]$/);
        expect(metricsIn(t.expr).length, t.expr).toBeGreaterThan(0);
      }
    }
  });

  it('queries only metrics the bot exports on /metrics', async () => {
    const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8'));
    const queried = new Set((dashboard.panels as Panel[]).flatMap((p) => p.targets.flatMap((t) => metricsIn(t.expr))));
    const bot = await startTestBot({ METRICS_TOKEN });
    try {
      const { names } = await scrapeMetrics(bot.url);
      // A histogram is declared once and read through its _bucket, _sum and _count series.
      const exported = (n: string) => names.has(n) || names.has(n.replace(/_(bucket|sum|count)$/, ''));
      expect([...queried].filter((n) => !exported(n))).toEqual([]);
      expect(queried).toContain('provbot_ack_duration_seconds_bucket');
      expect(queried).toContain('provbot_outbox_deliveries');
    } finally {
      await bot.stop();
    }
  });
});
