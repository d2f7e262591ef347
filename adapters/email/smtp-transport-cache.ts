import { createHash } from 'node:crypto';
import type { SmtpSettings } from '../../core/index';
import type { MailTransport } from './mail-transport';
import { smtpSettingsTransport } from './smtp-transport';

/**
 * One transport per distinct set of SMTP settings (the system's, and each domain that
 * overrides them), made on first use. Keyed by a hash, so the cache holds no password
 * in its keys; a settings change makes a new key, and the transport of the old settings
 * is closed once `MAX_TRANSPORTS` newer ones push it out.
 */
export interface SmtpTransportCache {
  get(settings: SmtpSettings): MailTransport;
  closeAll(): Promise<void>;
}

const MAX_TRANSPORTS = 32;

export function createSmtpTransportCache(options: { timeoutMs?: number } = {}): SmtpTransportCache {
  const transports = new Map<string, MailTransport>();
  return {
    get(settings) {
      const key = settingsKey(settings);
      const found = transports.get(key);
      if (found) {
        // Most recently used last, so eviction takes the longest unused.
        transports.delete(key);
        transports.set(key, found);
        return found;
      }
      const transport = smtpSettingsTransport(settings, options.timeoutMs);
      transports.set(key, transport);
      if (transports.size > MAX_TRANSPORTS) {
        const [oldestKey, oldest] = transports.entries().next().value as [string, MailTransport];
        transports.delete(oldestKey);
        void oldest.close();
      }
      return transport;
    },
    async closeAll() {
      const all = [...transports.values()];
      transports.clear();
      await Promise.allSettled(all.map((t) => t.close()));
    },
  };
}

/** The From address is not part of the connection, so domains that differ only in it share one. */
function settingsKey(s: SmtpSettings): string {
  const parts = [s.host.trim().toLowerCase(), s.port ?? 25, s.user?.trim() || null, s.user?.trim() ? s.password : null];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
