import type { Logger } from '../../../core/index';
import { createWebexProvisioningClient, type WebexProvisioningOptions } from '../../../adapters/webex/webex-provisioning-client';
import { FakeWebexServer, type FakeWebexOptions } from '../../fakes/fake-webex-server';

/** Time that moves only when the client sleeps: Retry-After and the pace cost no real waiting. */
export function virtualTimer(start = 1_000_000) {
  const timer = {
    t: start,
    sleeps: [] as number[],
    now: () => timer.t,
    sleep: async (ms: number) => {
      timer.sleeps.push(ms);
      timer.t += ms;
    },
  };
  return timer;
}

export function recordingLogger() {
  const entries: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const log = (level: string) => (fields: Record<string, unknown>, message: string) => void entries.push({ level, fields, message });
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, entries };
}

/** A fake Webex server and a client pointed at it, sharing one virtual clock. */
export async function startClient(fakeOptions: Omit<FakeWebexOptions, 'now'> = {}, clientOptions: Partial<WebexProvisioningOptions> = {}) {
  const timer = virtualTimer();
  const fake = await FakeWebexServer.start({ ...fakeOptions, now: timer.now });
  const { logger, entries } = recordingLogger();
  const client = createWebexProvisioningClient({ apiUrl: fake.url, accessToken: fake.token, timer, logger, ...clientOptions });
  return { fake, client, timer, logs: entries };
}
