import { createCore, silentLogger } from '../../core/index';
import type { CoreDeps } from '../../core/index';
import { FixedClock } from './fixed-clock';
import { InMemoryAccessRequests, InMemoryOrders, InMemoryTransactions, InMemoryUsers } from './in-memory-repositories';
import { RecordingChatNotifier, RecordingEmailNotifier } from './recording-notifiers';

/** A core on in-memory ports with recording notifiers and a fixed clock (2026-11-23 10:00 UTC). */
export function coreHarness(now = '2026-11-23T10:00:00Z') {
  const deps = {
    orders: new InMemoryOrders(),
    transactions: new InMemoryTransactions(),
    accessRequests: new InMemoryAccessRequests(),
    users: new InMemoryUsers(),
    email: new RecordingEmailNotifier(),
    chat: [new RecordingChatNotifier('slack'), new RecordingChatNotifier('teams')],
    clock: new FixedClock(new Date(now)),
    log: silentLogger,
    settings: { adminPortalUrl: 'https://admin.webex.com' },
  } satisfies CoreDeps;
  return { deps, core: createCore(deps), slack: deps.chat[0]!, teams: deps.chat[1]! };
}
