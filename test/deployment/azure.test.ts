import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { type ArmTemplate, at, isExpression, references, resourcesOfType, single, strings } from './arm';
import { startCommand } from './start-command';

const root = join(__dirname, '..', '..');
const template = JSON.parse(readFileSync(join(root, 'deployment/azure/main.json'), 'utf8')) as ArmTemplate;
const example = JSON.parse(readFileSync(join(root, 'deployment/azure/parameters.example.json'), 'utf8')) as {
  parameters: Record<string, { value: unknown }>;
};

/** The variable names src/config.ts reads: the keys of its envSchema object. */
function configVariables(): string[] {
  const source = readFileSync(join(root, 'src/config.ts'), 'utf8');
  const block = /const envSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source);
  if (!block) throw new Error('envSchema not found in src/config.ts');
  return [...block[1].matchAll(/^ {2}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((m) => m[1]);
}

interface TemplateContainer {
  name: string;
  partitionKeyPath: string;
  compositeIndexes?: { path: string; order: string }[][];
}

/**
 * The containers src/store/cosmos/cosmos-store.ts creates (its CONTAINERS map: name →
 * partition key field) and the composite index paths of its CONTAINER_SETTINGS, read as text
 * because the module keeps them private.
 */
function cosmosStoreContainers(): { partitionKeys: Record<string, string>; compositeIndexPaths: Record<string, string[]> } {
  const source = readFileSync(join(root, 'src/store/cosmos/cosmos-store.ts'), 'utf8');
  const containers = /const CONTAINERS = \{([\s\S]*?)\n\}/.exec(source);
  if (!containers) throw new Error('CONTAINERS not found in src/store/cosmos/cosmos-store.ts');
  const partitionKeys = Object.fromEntries(
    [...containers[1].matchAll(/^ {2}(\w+): '(\w+)',?$/gm)].map((m) => [m[1], m[2]]),
  );
  const settings = /const CONTAINER_SETTINGS[^=]*= \{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
  const compositeIndexPaths: Record<string, string[]> = {};
  for (const block of settings.split(/^(?= {2}\w+: \{)/m)) {
    const name = /^ {2}(\w+): \{/.exec(block)?.[1];
    const composite = /compositeIndexes:([\s\S]*)/.exec(block)?.[1];
    if (name && composite) compositeIndexPaths[name] = [...composite.matchAll(/path: '([^']+)'/g)].map((m) => m[1]);
  }
  return { partitionKeys, compositeIndexPaths };
}

/** Settings read by App Service itself rather than by Techvoice. */
const PLATFORM_SETTINGS: Record<string, string> = {
  // Kudu/Oryx runs `npm install` and `npm run build` on zip deployment.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true',
};

const SECRET_SETTINGS = ['MicrosoftAppPassword', 'TECHVOICE_SECRET', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'];

interface AppSetting {
  name: string;
  value: string;
}

const site = single(template, 'Microsoft.Web/sites');
const appSettings = at(site, 'properties.siteConfig.appSettings') as AppSetting[];
const setting = (name: string) => appSettings.find((s) => s.name === name)?.value;

/** A sample value for each parameter, as an operator would give it. */
const SAMPLE_PARAMETERS: Record<string, string> = {
  msaAppId: '2f0c6a5e-8d4b-4c1a-9e3f-6b7a1d2c3e4f',
  msaAppPassword: 'client-secret',
  msaAppType: 'SingleTenant',
  msaAppTenantId: '6c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  techvoiceAdmins: 'a1b2c3d4-0000-4000-8000-000000000001,U012ABCDEF',
  techvoiceSecret: 'f'.repeat(64),
  slackSigningSecret: 'signing-secret',
  slackBotToken: 'xoxb-1-2-3',
  cosmosDatabaseName: 'techvoice',
  publicUrl: 'https://techvoice-example.azurewebsites.net',
};

/** What App Service would put in the environment for the sample parameters. */
function sampleEnvironment(): NodeJS.ProcessEnv {
  const computed: Record<string, string> = {
    COSMOS_ENDPOINT: 'https://techvoice-db.documents.azure.com:443/',
    MicrosoftAppTenantId: SAMPLE_PARAMETERS.msaAppTenantId,
    PUBLIC_URL: SAMPLE_PARAMETERS.publicUrl,
  };
  const env: NodeJS.ProcessEnv = {};
  for (const { name, value } of appSettings) {
    const param = /^\[parameters\('(\w+)'\)\]$/.exec(value)?.[1];
    if (!isExpression(value)) env[name] = value;
    else if (param) {
      assert.ok(param in SAMPLE_PARAMETERS, `no sample for parameter ${param}`);
      env[name] = SAMPLE_PARAMETERS[param];
    } else {
      assert.ok(name in computed, `no sample for the expression in ${name}: ${value}`);
      env[name] = computed[name];
    }
  }
  return env;
}

describe('Azure deployment template (deployment/azure/main.json)', () => {
  it('is an ARM deployment template', () => {
    assert.match(template.$schema, /deploymentTemplate\.json#$/);
    assert.equal(template.contentVersion, '1.0.0.0');
    assert.ok(template.resources.length > 0);
  });

  it('defines every parameter and variable it references', () => {
    for (const [name, paths] of references(template, 'parameters')) {
      assert.ok(name in template.parameters, `parameters('${name}') at ${paths[0]} is not defined`);
    }
    for (const [name, paths] of references(template, 'variables')) {
      assert.ok(name in template.variables, `variables('${name}') at ${paths[0]} is not defined`);
    }
  });

  it('uses every parameter and variable it defines', () => {
    const params = references(template, 'parameters');
    for (const name of Object.keys(template.parameters)) assert.ok(params.has(name), `parameter ${name} is unused`);
    const vars = references(template, 'variables');
    for (const name of Object.keys(template.variables)) assert.ok(vars.has(name), `variable ${name} is unused`);
  });

  it('has balanced brackets and quotes in every expression', () => {
    for (const { path, text } of strings(template)) {
      if (!isExpression(text)) continue;
      const body = text.slice(1, -1).replace(/'(?:[^']|'')*'/g, "''");
      assert.equal((body.match(/'/g) ?? []).length % 2, 0, `unbalanced quotes at ${path}`);
      let depth = 0;
      for (const ch of body) {
        if (ch === '(' || ch === '[') depth++;
        if (ch === ')' || ch === ']') depth--;
        assert.ok(depth >= 0, `unbalanced brackets at ${path}`);
      }
      assert.equal(depth, 0, `unbalanced brackets at ${path}`);
    }
  });

  it('deploys the expected resource types, each with a dated API version', () => {
    const expected = [
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.DocumentDB/databaseAccounts',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
    ];
    assert.deepEqual([...new Set(template.resources.map((r) => r.type))].sort(), [...expected].sort());
    for (const r of template.resources) {
      assert.match(r.apiVersion, /^\d{4}-\d{2}-\d{2}(-preview)?$/, `${r.type} apiVersion`);
    }
  });

  it('runs on a supported Node LTS (24 by default, or 22), never on Node 20, which reached end of life in April 2026', () => {
    const nodeVersion = template.parameters.nodeVersion as { defaultValue: string; allowedValues: string[] };
    assert.equal(nodeVersion.defaultValue, '24-lts');
    assert.deepEqual(nodeVersion.allowedValues, ['24-lts', '22-lts']);
    assert.equal(at(site, 'properties.siteConfig.linuxFxVersion'), "[format('NODE|{0}', parameters('nodeVersion'))]");
  });

  it('runs a Linux web app, always on, https only, with a health check and a managed identity', () => {
    const plan = single(template, 'Microsoft.Web/serverfarms');
    assert.equal(plan.kind, 'linux');
    assert.equal(at(plan, 'properties.reserved'), true);
    assert.equal(at(plan, 'sku.capacity'), "[parameters('instanceCount')]");
    assert.equal(at(site, 'properties.siteConfig.alwaysOn'), true);
    assert.equal(at(site, 'properties.httpsOnly'), true);
    assert.equal(at(site, 'properties.siteConfig.healthCheckPath'), '/healthz');
    assert.equal(at(site, 'properties.siteConfig.appCommandLine'), startCommand(), 'the server starts as npm start starts it');
    assert.equal(at(site, 'identity.type'), 'SystemAssigned');
    assert.equal(at(site, 'properties.clientAffinityEnabled'), false, 'no sticky sessions: instances are stateless');
  });

  it('creates a Cosmos DB for NoSQL account with session consistency, a database, and no keys', () => {
    const account = single(template, 'Microsoft.DocumentDB/databaseAccounts');
    assert.equal(account.kind, 'GlobalDocumentDB');
    assert.equal(at(account, 'properties.consistencyPolicy.defaultConsistencyLevel'), 'Session');
    assert.equal(at(account, 'properties.disableLocalAuth'), true);
    const database = single(template, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    assert.equal(at(database, 'properties.resource.id'), "[parameters('cosmosDatabaseName')]");
    const containers = single(template, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    assert.equal(at(containers, 'copy.count'), "[length(variables('cosmosContainers'))]");
  });

  it('creates exactly the containers the Cosmos DB store uses, with its partition keys and composite indexes', () => {
    // With keys disabled the store signs in with the managed identity, which may not create
    // containers, so the template must create every one of them as the store defines it.
    const store = cosmosStoreContainers();
    const created = template.variables.cosmosContainers as TemplateContainer[];
    assert.deepEqual(
      Object.fromEntries(created.map((c) => [c.name, c.partitionKeyPath])),
      Object.fromEntries(Object.entries(store.partitionKeys).map(([name, field]) => [name, `/${field}`])),
    );
    for (const [name, paths] of Object.entries(store.compositeIndexPaths)) {
      const container = created.find((c) => c.name === name);
      assert.ok(container, `container ${name}`);
      assert.deepEqual((container.compositeIndexes ?? []).flat().map((i) => i.path), paths, `${name} composite index`);
    }
  });

  it("gives the web app's identity the Cosmos DB Built-in Data Contributor role on the account", () => {
    const assignment = single(template, 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    const roleDefinitionId = String(at(assignment, 'properties.roleDefinitionId'));
    assert.match(roleDefinitionId, /sqlRoleDefinitions/);
    assert.equal(template.variables.cosmosDataContributorRoleId, '00000000-0000-0000-0000-000000000002');
    assert.match(roleDefinitionId, /variables\('cosmosDataContributorRoleId'\)/);
    assert.match(String(at(assignment, 'properties.principalId')), /reference\(variables\('siteId'\).*'full'\)\.identity\.principalId/);
    assert.equal(at(assignment, 'properties.scope'), "[variables('cosmosAccountId')]");
    assert.equal(template.variables.siteId, "[resourceId('Microsoft.Web/sites', parameters('siteName'))]");
  });

  it('registers the bot with its app id, the /api/messages endpoint and the Teams channel', () => {
    const bot = single(template, 'Microsoft.BotService/botServices');
    assert.equal(at(bot, 'properties.msaAppId'), "[parameters('msaAppId')]");
    assert.equal(at(bot, 'properties.endpoint'), "[format('{0}/api/messages', variables('publicUrl'))]");
    assert.equal(setting('PUBLIC_URL'), "[variables('publicUrl')]", 'the bot endpoint and PUBLIC_URL agree');
    assert.match(String(template.variables.publicUrl), /endsWith\(parameters\('publicUrl'\), '\/'\)/);
    assert.equal(
      template.parameters.publicUrl.defaultValue,
      "[format('https://{0}.azurewebsites.net', parameters('siteName'))]",
    );
    const channels = resourcesOfType(template, 'Microsoft.BotService/botServices/channels');
    assert.deepEqual(
      channels.map((c) => at(c, 'properties.channelName')),
      ['MsTeamsChannel'],
    );
  });

  it('sets only app settings that src/config.ts reads (or App Service itself reads)', () => {
    const known = new Set(configVariables());
    assert.ok(known.has('TECHVOICE_STORE') && known.has('MicrosoftAppId'), 'parsed the envSchema keys');
    for (const { name, value } of appSettings) {
      if (name in PLATFORM_SETTINGS) assert.equal(value, PLATFORM_SETTINGS[name]);
      else assert.ok(known.has(name), `${name} is not read by src/config.ts`);
    }
    assert.equal(new Set(appSettings.map((s) => s.name)).size, appSettings.length, 'no setting twice');
  });

  it('sets the settings a Cosmos DB deployment needs, with TECHVOICE_STORE=cosmos and no COSMOS_KEY', () => {
    const required = [
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppType',
      'MicrosoftAppTenantId',
      'TECHVOICE_STORE',
      'COSMOS_ENDPOINT',
      'COSMOS_DATABASE',
      'TECHVOICE_ADMINS',
      'TECHVOICE_SECRET',
      'SLACK_SIGNING_SECRET',
      'SLACK_BOT_TOKEN',
      'SCHEDULER',
      'PUBLIC_URL',
      'PLAYGROUND',
      'METRICS',
    ];
    for (const name of required) assert.ok(setting(name) !== undefined, `${name} is not set`);
    assert.equal(setting('TECHVOICE_STORE'), 'cosmos');
    assert.equal(setting('SCHEDULER'), 'on');
    assert.equal(setting('PLAYGROUND'), 'off');
    assert.equal(setting('METRICS'), 'off');
    assert.equal(setting('COSMOS_KEY'), undefined, 'the managed identity replaces the key');
    assert.match(String(setting('COSMOS_ENDPOINT')), /reference\(variables\('cosmosAccountId'\).*\)\.documentEndpoint/);
  });

  it('takes every secret from a secure parameter', () => {
    for (const name of SECRET_SETTINGS) {
      const param = /^\[parameters\('(\w+)'\)\]$/.exec(String(setting(name)))?.[1];
      assert.ok(param, `${name} comes from a parameter`);
      assert.equal(template.parameters[param].type, 'securestring', `${param} is secure`);
    }
    for (const [name, p] of Object.entries(template.parameters)) {
      if (p.type === 'securestring') {
        assert.ok(
          p.defaultValue === undefined || p.defaultValue === '',
          `${name} has no default secret`,
        );
      }
    }
  });

  it('produces an environment that loadConfig accepts as a Cosmos DB deployment', () => {
    const config = loadConfig(sampleEnvironment());
    assert.equal(config.store, 'cosmos');
    assert.equal(config.cosmos?.endpoint, 'https://techvoice-db.documents.azure.com:443/');
    assert.equal(config.cosmos?.key, null);
    assert.equal(config.cosmos?.database, 'techvoice');
    assert.equal(config.microsoftAppId, SAMPLE_PARAMETERS.msaAppId);
    assert.equal(config.scheduler, true);
    assert.equal(config.playground, false);
    assert.equal(config.metrics, false);
    assert.equal(config.demoData, false);
    assert.equal(config.publicUrl, SAMPLE_PARAMETERS.publicUrl);
    assert.ok(config.slack);
  });

  it('still loads without Slack (both Slack secrets left empty)', () => {
    const env = { ...sampleEnvironment(), SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' };
    assert.equal(loadConfig(env).slack, null);
  });

  it('has an example parameters file that names only template parameters and leaves secrets out', () => {
    for (const name of Object.keys(example.parameters)) {
      assert.ok(name in template.parameters, `${name} is not a template parameter`);
      assert.notEqual(template.parameters[name].type, 'securestring', `${name} is a secret: pass it on the command line`);
    }
    for (const [name, p] of Object.entries(template.parameters)) {
      if (p.defaultValue === undefined && p.type !== 'securestring') {
        assert.ok(name in example.parameters, `required parameter ${name} is missing from the example`);
      }
      const given = example.parameters[name]?.value;
      if (given !== undefined && p.allowedValues) assert.ok(p.allowedValues.includes(given), `${name} value allowed`);
    }
  });
});
