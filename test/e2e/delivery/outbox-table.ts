import { openRawTables } from '../../integration/db/raw-rows';
import type { RawTables } from '../../integration/db/raw-rows';

/** A row of the `deliveries` table as a support engineer would read it. */
export interface DeliveryRow {
  key: string;
  channel: string;
  state: string;
  attempts: number;
  claimed: boolean;
  /** The claim token: which claim (one process's dispatch round) holds it. */
  claim: string | null;
  /** When its claim's lease ends (the claim was taken a lease before). */
  claimedUntil: Date | null;
  lastError: string | null;
}

/**
 * The outbox as stored, read past the repositories with a connection of the test's
 * own, opened per read and closed after: a SQLite connection left open would stop a
 * bot process from starting on the file (its migration waits for an exclusive lock).
 */
export function outboxTable(url: string) {
  const reading = async <T>(read: (raw: RawTables) => Promise<T>): Promise<T> => {
    const raw = openRawTables(url);
    try {
      return await read(raw);
    } finally {
      await raw.close();
    }
  };
  return {
    async deliveries(): Promise<DeliveryRow[]> {
      const rows = await reading((raw) =>
        raw.rows<{
          key: string;
          channel: string;
          state: string;
          attempts: number | bigint;
          claim: string | null;
          claimedUntil: Date | string | number | null;
          lastError: string | null;
        }>(`SELECT "key", "channel", "state", "attempts", "claim", "claimedUntil", "lastError" FROM "deliveries" ORDER BY "key"`),
      );
      return rows.map((r) => ({
        key: r.key,
        channel: r.channel,
        state: r.state,
        attempts: Number(r.attempts),
        claimed: r.claim !== null,
        claim: r.claim,
        claimedUntil: r.claimedUntil === null ? null : new Date(r.claimedUntil),
        lastError: r.lastError,
      }));
    },
    /** Rows by state, e.g. { sent: 10 }: what "nothing left pending or dead" is checked on. */
    async states(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const row of await this.deliveries()) counts[row.state] = (counts[row.state] ?? 0) + 1;
      return counts;
    },
    escalationsLeft: () => reading((raw) => raw.count('escalations')),
  };
}

export type OutboxTable = ReturnType<typeof outboxTable>;
