import type { Clock, CustomerDirectory, CustomerProvisioning } from '../../../core/index';
import { RecordingBotConnector } from '../../fakes/recording-bot-connector';
import type { RosterMember } from '../../fakes/recording-bot-connector';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import type { TeamsBot } from './teams-e2e-helpers';
import { post } from './teams-e2e-helpers';

/**
 * The real server (bot/main.ts startBot, SQLite in a temp dir, email outbox) with
 * Teams in local mode unless MICROSOFT_APP_ID is given, and a recording connector
 * standing in for the Teams service that activities name as their serviceUrl.
 * `api` calls the bot's REST API with its token, as a system placing orders would.
 */
export async function startTeamsBot(
  o: {
    roster?: RosterMember[];
    env?: Record<string, string>;
    customers?: CustomerDirectory;
    customerProvisioning?: CustomerProvisioning;
    clock?: Clock;
  } = {},
): Promise<TeamsBot & Pick<TestBot, 'api' | 'databaseUrl' | 'dispatch' | 'tick' | 'pollCustomers' | 'setupTick'>> {
  const connector = await RecordingBotConnector.start(o.roster);
  const bot = await startTestBot(o.env, {
    ...(o.customers ? { customers: o.customers } : {}),
    ...(o.customerProvisioning ? { customerProvisioning: o.customerProvisioning } : {}),
    ...(o.clock ? { clock: o.clock } : {}),
  });
  return {
    url: bot.url,
    core: bot.core,
    clock: bot.clock,
    connector,
    api: bot.api,
    databaseUrl: bot.databaseUrl,
    dispatch: bot.dispatch,
    tick: bot.tick,
    pollCustomers: bot.pollCustomers,
    setupTick: bot.setupTick,
    post: (body, headers = {}) => post(`${bot.url}/api/messages`, body, headers),
    stop: async () => {
      await bot.stop();
      await connector.close();
    },
  };
}
