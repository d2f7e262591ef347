import { TeamsInfo } from 'botbuilder';
import type { ChannelAccount, TurnContext } from 'botbuilder';
import type { Actor, Core } from '../../core/index';

/**
 * The key a Teams user has in the directory (DirectoryUser.teamsUserId) and in the
 * chat-address store: the Entra object id, stable across tenants' chats and the id an
 * administrator can look up; the Bot Framework id (29:…) only when Teams sends none.
 */
export const platformUserIdOf = (from: ChannelAccount): string => from.aadObjectId ?? from.id;

/** Whoever sent this activity, matched to the directory by Teams id, else by the roster's email. */
export function identifyTeamsUser(core: Core, context: TurnContext): Promise<Actor> {
  const { from } = context.activity;
  return core.identifyChatUser({
    platform: 'teams',
    platformUserId: platformUserIdOf(from),
    name: from.name?.trim() || 'Teams user',
    lookupEmail: () => lookupEmail(context, from.id),
  });
}

/**
 * The roster knows the member's email (and UPN, the sign-in name, usually the same):
 * GET /v3/conversations/{id}/members/{userId}.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#get-single-member-details
 */
async function lookupEmail(context: TurnContext, userId: string): Promise<string | null> {
  const member = await TeamsInfo.getMember(context, userId);
  return member.email?.trim() || member.userPrincipalName?.trim() || null;
}
