import { Application } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import type { Request, Response } from 'express';
import type { ChatAddressRepository, ChatNotifier, Core, Logger, ServicesSetupCore } from '../../core/index';
import { describeEnvelopeProblem } from './activity-envelope';
import { registerCardActions } from './card-actions/register-card-actions';
import { commandMessage } from './messages/command.message';
import { welcome } from './messages/welcome.conversation-update';
import { TeamsAddressBook } from './teams-address-book';
import type { TeamsCredentials } from './teams-auth';
import { botFrameworkAuthConfig } from './teams-auth';
import { TeamsConversations } from './teams-conversations';
import { TeamsNotifier } from './teams-notifier';
import type { TeamsRouteDeps } from './teams-routes';
import { turnErrorHandler } from './turn-error';
import { serveActivity, VerifyingTeamsAdapter } from './verifying-teams-adapter';

export interface TeamsAdapterOptions extends TeamsCredentials {
  chatAddresses: ChatAddressRepository;
  log: Logger;
  /** Defaults to 4 s, inside the roughly 5 s Teams waits for an invoke. */
  invokeBudgetMs?: number;
  /** A signed, expiring link to a customer's order summary PDF (Teams cannot take the file itself). */
  summaryLink?: (customerId: string) => string;
}

export interface TeamsAdapter {
  notifier: ChatNotifier;
  attach(core: Core, servicesSetup?: ServicesSetupCore): void;
  /** POST /api/messages, behind a JSON body parser. */
  handle(req: Request, res: Response): Promise<void>;
}

/**
 * Microsoft Teams through teams-ai on botbuilder's CloudAdapter. The library never
 * reads the environment: credentials arrive in `o`. The app password goes to
 * botbuilder and nowhere else; it is never logged.
 */
export function createTeamsAdapter(o: TeamsAdapterOptions): TeamsAdapter {
  const adapter = new VerifyingTeamsAdapter(botFrameworkAuthConfig(o));
  // Proactive turns need the bot's app id to get a token; local mode has none.
  const conversations = new TeamsConversations(adapter, o.mode === 'authenticated' ? (o.appId ?? '') : '');
  const addresses = new TeamsAddressBook(o.chatAddresses, conversations, o.log);
  let core: Core | null = null;
  let servicesSetup: ServicesSetupCore | null = null;
  const deps: TeamsRouteDeps = {
    core: () => core ?? failNotAttached(),
    servicesSetup: () => servicesSetup,
    addresses,
    conversations,
    log: o.log,
    invokeBudgetMs: o.invokeBudgetMs ?? 4000,
    summaryLink: o.summaryLink ?? null,
  };

  const app = new Application({
    adapter,
    botAppId: o.appId,
    // The typing timer is one field on the Application, shared by all concurrent turns:
    // one turn ending stops another's indicator, and a send failing after the turn ends is
    // swallowed. Replies here come in well under its 1 s delay, so it stays off.
    startTypingTimer: false,
    // The message listener removes the @mention itself, where the reader can see it.
    removeRecipientMention: false,
  });
  registerCardActions(app, deps);
  app.activity(ActivityTypes.Message, commandMessage(deps));
  app.activity([ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate], welcome(deps));
  adapter.onTurnError = turnErrorHandler(o.log);

  return {
    notifier: new TeamsNotifier(addresses, conversations, o.log, undefined, o.summaryLink ?? null),
    attach: (c, s) => {
      core = c;
      servicesSetup = s ?? null;
    },
    handle: async (req, res) => {
      if (!core) return void res.status(503).json({ error: 'The Teams adapter is starting; try again shortly.' });
      // botbuilder would refuse it too, but prints a stack trace for every such request.
      if (o.mode === 'authenticated' && !/^Bearer \S/.test(req.get('authorization') ?? '')) {
        return void res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'A Bot Framework token is required.' });
      }
      const problem = describeEnvelopeProblem(req.body);
      if (problem) return void res.status(400).json({ error: problem });
      await serveActivity(adapter, req, res, async (context) => void (await app.run(context)), o.log);
    },
  };
}

function failNotAttached(): never {
  throw new Error('the Teams adapter is not attached to a core');
}
