import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';

/**
 * The baseline: a Bolt HTTP app with the same receiver and app settings as the bot
 * and a /prov handler that only acks. Whatever the bot adds on top shows as the ratio.
 */
export async function startBareBolt(signingSecret: string): Promise<{ url: string; stop(): Promise<void> }> {
  const receiver = new ExpressReceiver({
    signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel: LogLevel.ERROR,
  });
  // convoStore off as in the bot: Bolt's default store throws and catches an Error on
  // every request, and a baseline paying for that would flatter the ratio.
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-bare' }), convoStore: false, logLevel: LogLevel.ERROR });
  app.command('/prov', async ({ ack }) => {
    await ack();
  });
  const server = (await receiver.start(0)) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    stop: async () => {
      server.closeAllConnections();
      await receiver.stop();
    },
  };
}
