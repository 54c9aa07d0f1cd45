import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { COMMAND_BOOK } from '../../src/core/registry';
import { SlackManifestError, normalisePublicUrl, slackManifest } from '../../scripts/slack-manifest';

interface SlackManifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; url: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const COMMAND_WORDS = ['help', 'feedback', 'pulse', 'actions', 'summary', 'export', 'roles', 'forum'];

/**
 * Bot-token scopes each Web API method Techvoice calls needs (all listed ones), from the
 * method pages at https://api.slack.com/methods. Views need no scope.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'], // messages, reminders, summaries
  'chat.update': ['chat:write'], // refresh a card after a button press
  'chat.postEphemeral': ['chat:write'], // "only you can see this" replies
  'conversations.open': ['im:write'], // proactive direct messages
  'conversations.info': ['channels:read', 'groups:read'], // forums in public and private channels
  'views.open': [], // modals
  'views.update': [],
  'views.publish': [], // App Home tab
  'files.getUploadURLExternal': ['files:write'], // export (files.uploadV2, step 1)
  'files.completeUploadExternal': ['files:write'], // export (files.uploadV2, step 2)
  'users.info': ['users:read', 'users:read.email'], // name and e-mail of a requester
  'users.lookupByEmail': ['users:read.email'], // match imported action owners
  'auth.test': [],
};

/** Scope each subscribed bot event needs: https://api.slack.com/events */
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
};

const PUBLIC_URL = 'https://techvoice.example.ac.uk';

function manifest(url = PUBLIC_URL): SlackManifest {
  return slackManifest(url) as unknown as SlackManifest;
}

function validator() {
  const schema = JSON.parse(readFileSync(join(__dirname, 'slack-manifest.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('Slack app manifest', () => {
  it('has the structure Slack requires', () => {
    const validate = validator();
    assert.ok(validate(manifest()), JSON.stringify(validate.errors, null, 2));
  });

  it('is checked by a schema that does reject a manifest without a bot user', () => {
    const validate = validator();
    const m = manifest() as unknown as { features: Record<string, unknown> };
    delete m.features.bot_user;
    assert.equal(validate(m), false);
  });

  it('points every request URL at /slack/events on the given host', () => {
    for (const base of [PUBLIC_URL, `${PUBLIC_URL}/`, 'https://bots.example.ac.uk:8443/techvoice/']) {
      const m = manifest(base);
      const urls = [
        ...m.features.slash_commands.map((c) => c.url),
        m.settings.event_subscriptions.request_url,
        m.settings.interactivity.request_url,
      ];
      const expected = `${base.replace(/\/$/, '')}/slack/events`;
      for (const url of urls) {
        assert.equal(url, expected);
        assert.equal(new URL(url).host, new URL(base).host);
      }
      assert.ok(!JSON.stringify(m).includes('${'), 'no placeholder is left');
    }
  });

  it('declares /techvoice with every command word in its usage hint, in English and then in Welsh', () => {
    const [command] = manifest().features.slash_commands;
    assert.equal(command.command, '/techvoice');
    const welsh = COMMAND_WORDS.map((word) => COMMAND_BOOK.parse(word).command!.cy.name);
    assert.deepEqual(command.usage_hint.split('|').map((w) => w.trim()), [...COMMAND_WORDS, ...welsh]);
    for (const word of welsh) assert.ok(COMMAND_BOOK.parse(word).command, `${word} works when typed`);
  });

  it('enables the App Home tab and direct messages, and interactivity', () => {
    const m = manifest();
    assert.equal(m.features.app_home.home_tab_enabled, true);
    assert.equal(m.features.app_home.messages_tab_enabled, true);
    assert.equal(m.settings.interactivity.is_enabled, true);
    assert.deepEqual([...m.settings.event_subscriptions.bot_events].sort(), Object.keys(EVENT_SCOPES).sort());
  });

  it('grants the scopes the Web API methods, events and slash command need, and no others', () => {
    const m = manifest();
    const granted = new Set(m.oauth_config.scopes.bot);
    const needed = new Set<string>(['commands']);
    for (const [method, scopes] of Object.entries(METHOD_SCOPES)) {
      for (const s of scopes) {
        assert.ok(granted.has(s), `${method} needs ${s}`);
        needed.add(s);
      }
    }
    for (const event of m.settings.event_subscriptions.bot_events) {
      const scopes = EVENT_SCOPES[event];
      assert.ok(scopes, `no scope mapping for event ${event}`);
      for (const s of scopes) {
        assert.ok(granted.has(s), `${event} needs ${s}`);
        needed.add(s);
      }
    }
    assert.deepEqual([...granted].sort(), [...needed].sort(), 'the scope list is minimal');
  });

  it('refuses a PUBLIC_URL that is not https or carries a query', () => {
    assert.throws(() => slackManifest('http://techvoice.example.ac.uk'), SlackManifestError);
    assert.throws(() => slackManifest('techvoice.example.ac.uk'), SlackManifestError);
    assert.throws(() => normalisePublicUrl('https://techvoice.example.ac.uk/?a=1'), /query or fragment/);
  });
});
