import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';

export interface TeamsCredentials {
  mode: 'local' | 'authenticated';
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

/**
 * The settings botbuilder's ConfigurationBotFrameworkAuthentication reads. Local mode
 * gives it no app id, which makes isAuthenticationDisabled() true: inbound activities
 * need no token and outbound calls carry none (Agents Playground, tests). Only the
 * four app keys are set: any of the "parameterized" ones (OpenID metadata URL, login
 * URL, OAuth scope) would switch off every public-cloud default.
 * https://learn.microsoft.com/azure/bot-service/bot-builder-authentication
 */
export function botFrameworkAuthConfig(c: TeamsCredentials): ConfigurationBotFrameworkAuthenticationOptions {
  if (c.mode === 'local') return {};
  if (!c.appId) throw new Error('Teams authenticated mode needs an app id (MICROSOFT_APP_ID)');
  return {
    MicrosoftAppId: c.appId,
    MicrosoftAppPassword: c.appPassword,
    MicrosoftAppType: c.appType,
    MicrosoftAppTenantId: c.tenantId,
  };
}
