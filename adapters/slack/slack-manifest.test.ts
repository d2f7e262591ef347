import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// `yaml` comes with vitest (vite) and teams-ai; it is not a direct dependency.
import { parse } from 'yaml';
import { USAGE } from '../presenters/present-help';
import { PROV_COMMAND } from './commands/prov.command';
import { SLACK_EVENTS_PATH } from './create-slack-adapter';
import { SLACK_BOT_EVENTS, SLACK_BOT_SCOPES } from './slack-app-requirements';

interface Manifest {
  display_information: { name: string; description: string };
  features: {
    app_home: { messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; description: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string };
    event_subscriptions: { request_url: string; bot_events: string[] };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../manifest/slack/manifest.yaml', import.meta.url), 'utf8')) as Manifest;
const eventsUrl = `https://YOUR_PUBLIC_URL${SLACK_EVENTS_PATH}`;

describe('the Slack app manifest', () => {
  it('declares the slash command the adapter listens for, at the events endpoint, with a hint naming every verb', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual([PROV_COMMAND]);
    expect(commands[0]!.url).toBe(eventsUrl);
    // Slack's limits: description 100 characters, usage hint 1000.
    expect(commands[0]!.description.length).toBeLessThanOrEqual(100);
    for (const verb of USAGE.map((u) => u.split(' ')[0]!.replace(':', ''))) expect(commands[0]!.usage_hint).toContain(verb);
  });

  it('sends button clicks to the same endpoint', () => {
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: eventsUrl });
  });

  it('grants exactly the bot scopes the adapter needs', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(Object.keys(SLACK_BOT_SCOPES).sort());
  });

  it('subscribes to exactly the bot events the adapter listens for, at the events endpoint', () => {
    expect(manifest.settings.event_subscriptions.request_url).toBe(eventsUrl);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(Object.keys(SLACK_BOT_EVENTS).sort());
  });

  it('may read the CSV files shared with it, in its DM and where it is mentioned', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['files:read', 'im:history', 'app_mentions:read']));
  });

  it('may upload the order summary PDF (files.uploadV2 calls files.getUploadURLExternal, which needs files:write)', () => {
    expect(manifest.oauth_config.scopes.bot).toContain('files:write');
  });

  it('has a bot user that can receive DMs, over HTTP, without org deploy or token rotation', () => {
    expect(manifest.features.bot_user.display_name).toBe('provbot');
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings).toMatchObject({ org_deploy_enabled: false, socket_mode_enabled: false, token_rotation_enabled: false });
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });
});
