import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { COMMAND_BOOK } from '../../src/core/registry';
import { PNG } from 'pngjs';
import { drawColourIcon, drawOutlineIcon } from '../../manifests/teams/draw-icons';
import {
  type Json,
  PLACEHOLDER_DEVELOPER_URL,
  PackagingError,
  buildPackage,
  fillManifest,
  findRoot,
  packageTeams,
  readPackageOptions,
  validateManifest,
} from '../../scripts/package-teams';

const APP_ID = '2f0c6a5e-8d4b-4c1a-9e3f-6b7a1d2c3e4f';
const COMMANDS = ['help', 'feedback', 'pulse', 'actions', 'summary', 'export', 'roles', 'forum'];
const root = findRoot();

interface Command {
  title: string;
  description: string;
}
interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  commandLists: { scopes: string[]; commands: Command[] }[];
}
interface TeamsManifest {
  id: string;
  validDomains?: string[];
  developer: { websiteUrl: string };
  bots: Bot[];
}

function filledManifest(env: NodeJS.ProcessEnv): TeamsManifest {
  const template = JSON.parse(readFileSync(join(root, 'manifests/teams/manifest.template.json'), 'utf8')) as Json;
  return fillManifest(template, readPackageOptions(env, '1.2.3')) as unknown as TeamsManifest;
}

async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buffer);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

describe('Teams app package', () => {
  const env = { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://techvoice.example.ac.uk/bot' };

  it('fills the template into a manifest that validates against the vendored v1.30 schema', () => {
    const manifest = filledManifest(env);
    assert.deepEqual(validateManifest(manifest, root), []);
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.bots[0].botId, APP_ID);
    assert.deepEqual(manifest.validDomains, ['techvoice.example.ac.uk']);
    assert.ok(!JSON.stringify(manifest).includes('${{'), 'no placeholder is left');
  });

  it('vendors a schema that Ajv may read under its default draft (no draft-04-only keywords)', () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'manifests/teams/schema/v1.30/MicrosoftTeams.schema.json'), 'utf8'),
    ) as unknown;
    const draft04Only: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}/${i}`));
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          const isSchemaKeyword = !path.endsWith('/properties');
          if (isSchemaKeyword && /^exclusive(Minimum|Maximum)$/.test(key) && typeof value === 'boolean') {
            draft04Only.push(`${path}/${key}`);
          }
          if (isSchemaKeyword && key === 'id' && typeof value === 'string') draft04Only.push(`${path}/id`);
          walk(value, `${path}/${key}`);
        }
      }
    };
    walk(schema, '#');
    assert.deepEqual(draft04Only, []);
  });

  it('is checked by a validator that does reject a bad manifest', () => {
    const manifest = filledManifest(env);
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }] };
    assert.notDeepEqual(validateManifest(broken, root), []);
  });

  it('offers the bot in personal, team and group chat scopes and supports files (export)', () => {
    const bot = filledManifest(env).bots[0];
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.supportsFiles, true);
  });

  it('lists exactly the bot commands, each with a short description, in every scope', () => {
    const { commandLists, scopes } = filledManifest(env).bots[0];
    const covered = new Set(commandLists.flatMap((l) => l.scopes));
    assert.deepEqual([...covered].sort(), [...scopes].sort());
    for (const list of commandLists) {
      assert.deepEqual(
        list.commands.map((c) => c.title),
        COMMANDS,
      );
      for (const c of list.commands) assert.ok(c.description.length > 0 && c.description.length <= 80, c.title);
    }
  });

  it('leaves out valid domains without PUBLIC_URL and still validates', () => {
    const manifest = filledManifest({ MicrosoftAppId: APP_ID });
    assert.deepEqual(manifest.validDomains, []);
    assert.equal(manifest.developer.websiteUrl, PLACEHOLDER_DEVELOPER_URL);
    assert.deepEqual(validateManifest(manifest, root), []);
  });

  it('zips exactly manifest.json, its Welsh (cy.json), color.png and outline.png at the root', async () => {
    const files = await unzip(await buildPackage(readPackageOptions(env, '1.2.3'), root));
    assert.deepEqual([...files.keys()].sort(), ['color.png', 'cy.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as TeamsManifest;
    assert.deepEqual(validateManifest(manifest, root), []);
  });

  it('ships a 192×192 colour icon and a 32×32 white-on-transparent outline icon', async () => {
    const files = await unzip(await buildPackage(readPackageOptions(env, '1.2.3'), root));
    const colour = PNG.sync.read(files.get('color.png')!);
    assert.equal(colour.width, 192);
    assert.equal(colour.height, 192);
    const outline = PNG.sync.read(files.get('outline.png')!);
    assert.equal(outline.width, 32);
    assert.equal(outline.height, 32);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.data.length; i += 4) {
      alphas.add(outline.data[i + 3]);
      if (outline.data[i + 3] > 0) {
        assert.deepEqual([...outline.data.subarray(i, i + 3)], [255, 255, 255], 'visible pixels are white');
      }
    }
    assert.ok(alphas.has(0), 'the outline icon has transparent pixels');
    assert.ok(alphas.has(255), 'the outline icon has a visible mark');
  });

  it('commits the icons that manifests/teams/draw-icons.ts draws', () => {
    for (const [file, drawn] of [
      ['color.png', drawColourIcon()],
      ['outline.png', drawOutlineIcon()],
    ] as const) {
      const committed = PNG.sync.read(readFileSync(join(root, 'manifests/teams', file)));
      assert.ok(committed.data.equals(drawn.data), `${file} is out of date: run npx tsx manifests/teams/draw-icons.ts`);
    }
  });

  it('writes the zip to the given path and returns it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-teams-'));
    try {
      const out = join(dir, 'techvoice-teams.zip');
      assert.equal(await packageTeams(env, root, out), out);
      const files = await unzip(readFileSync(out));
      assert.equal(files.size, 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the app and its commands in Welsh for Teams clients set to Welsh, each command one that works when typed', async () => {
    const files = await unzip(await buildPackage(readPackageOptions(env, '1.2.3'), root));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as TeamsManifest & { localizationInfo: unknown };
    assert.deepEqual(manifest.localizationInfo, { defaultLanguageTag: 'en-gb', additionalLanguages: [{ languageTag: 'cy', file: 'cy.json' }] });
    const welsh = JSON.parse(files.get('cy.json')!.toString('utf8')) as Record<string, string>;
    // The limits of the Teams localisation schema (v1.30) for these fields.
    assert.ok(welsh['name.short'].length <= 30 && welsh['name.full'].length <= 100);
    assert.ok(welsh['description.short'].length <= 80 && welsh['description.full'].length <= 4000);
    assert.match(welsh['description.full'], /Ymrwymiad y Technegwyr/);
    const commands = manifest.bots[0].commandLists[0].commands;
    commands.forEach((command, i) => {
      const title = welsh[`bots[0].commandLists[0].commands[${i}].title`];
      const description = welsh[`bots[0].commandLists[0].commands[${i}].description`];
      assert.ok(title.length <= 32 && description.length > 0 && description.length <= 128, title);
      assert.equal(COMMAND_BOOK.parse(title).command?.name, command.title, `“${title}” is the Welsh for ${command.title}`);
    });
    const expectedKeys = ['$schema', 'name.short', 'name.full', 'description.short', 'description.full', ...commands.flatMap((_, i) => ['title', 'description'].map((f) => `bots[0].commandLists[0].commands[${i}].${f}`))];
    assert.deepEqual(Object.keys(welsh).sort(), expectedKeys.sort());
  });

  it('fails with a message naming MicrosoftAppId when it is missing', async () => {
    await assert.rejects(
      packageTeams({ PUBLIC_URL: 'https://techvoice.example.ac.uk' }, root, join(tmpdir(), 'never.zip')),
      (err: unknown) => err instanceof PackagingError && /MicrosoftAppId is not set/.test(err.message),
    );
    assert.throws(() => readPackageOptions({ MicrosoftAppId: '  ' }, '1.0.0'), /MicrosoftAppId is not set/);
  });

  it('rejects a PUBLIC_URL that is not https', () => {
    assert.throws(
      () => readPackageOptions({ MicrosoftAppId: APP_ID, PUBLIC_URL: 'http://techvoice.example.ac.uk' }, '1.0.0'),
      /PUBLIC_URL must be an https URL/,
    );
  });
});
