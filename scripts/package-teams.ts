/**
 * Builds the Teams app package (manifest.json, color.png, outline.png at the zip root)
 * from manifests/teams, filling the manifest template from the environment:
 *
 *   MicrosoftAppId       required: the bot's app registration id (also used as the Teams app id)
 *   PUBLIC_URL           optional: https URL of the bot; its host becomes the valid domain
 *   TEAMS_DEVELOPER_URL  optional: web page shown as the developer's website, privacy and
 *                        terms links (defaults to PUBLIC_URL)
 *
 * Usage: `npm run package:teams` → writes dist/techvoice-teams.zip and prints its path.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';

export const MANIFEST_VERSION = 'v1.30';
const TEMPLATE = join('manifests', 'teams', 'manifest.template.json');
const SCHEMA = join('manifests', 'teams', 'schema', MANIFEST_VERSION, 'MicrosoftTeams.schema.json');
const ICONS = ['color.png', 'outline.png'] as const;
/** The manifest's words in other languages (Teams shows them by the client's language). */
const LOCALISATIONS = ['cy.json'] as const;
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** Used only when neither TEAMS_DEVELOPER_URL nor PUBLIC_URL is set (a reserved example domain). */
export const PLACEHOLDER_DEVELOPER_URL = 'https://example.org/';

export class PackagingError extends Error {}

export interface TeamsPackageOptions {
  appId: string;
  /** Host name of PUBLIC_URL, or null when it is not set. */
  publicHost: string | null;
  developerUrl: string;
  version: string;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Finds the repository root (the folder holding manifests/teams) from this file's location. */
export function findRoot(start: string = __dirname): string {
  let dir = resolve(start);
  while (!existsSync(join(dir, TEMPLATE))) {
    const parent = dirname(dir);
    if (parent === dir) throw new PackagingError(`Cannot find ${TEMPLATE} above ${start}`);
    dir = parent;
  }
  return dir;
}

function httpsUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PackagingError(`${name} is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:') throw new PackagingError(`${name} must be an https URL: ${value}`);
  return url;
}

/** Reads the packaging settings from the environment; throws a PackagingError naming the variable at fault. */
export function readPackageOptions(env: NodeJS.ProcessEnv, version: string): TeamsPackageOptions {
  const appId = env.MicrosoftAppId?.trim();
  if (!appId) {
    throw new PackagingError(
      'MicrosoftAppId is not set: set it to the application (client) id of the bot app registration',
    );
  }
  if (!GUID.test(appId)) throw new PackagingError(`MicrosoftAppId must be a GUID: ${appId}`);
  const publicUrl = env.PUBLIC_URL?.trim() ? httpsUrl('PUBLIC_URL', env.PUBLIC_URL.trim()) : null;
  const developer = env.TEAMS_DEVELOPER_URL?.trim()
    ? httpsUrl('TEAMS_DEVELOPER_URL', env.TEAMS_DEVELOPER_URL.trim()).href
    : (publicUrl?.href ?? PLACEHOLDER_DEVELOPER_URL);
  return { appId, publicHost: publicUrl?.host ?? null, developerUrl: developer, version };
}

function fill(value: Json, vars: Record<string, string>): Json {
  if (typeof value === 'string') {
    return value.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new PackagingError(`Unknown placeholder ${whole} in ${TEMPLATE}`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, vars));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
  }
  return value;
}

/** Fills the manifest template; without a public host the manifest has no valid domains. */
export function fillManifest(template: Json, options: TeamsPackageOptions): Record<string, Json> {
  const filled = fill(template, {
    MicrosoftAppId: options.appId,
    PUBLIC_HOST: options.publicHost ?? '',
    DEVELOPER_URL: options.developerUrl,
    APP_VERSION: options.version,
  });
  if (filled === null || typeof filled !== 'object' || Array.isArray(filled)) {
    throw new PackagingError(`${TEMPLATE} must hold a JSON object`);
  }
  const domains = filled.validDomains;
  if (Array.isArray(domains)) filled.validDomains = domains.filter((d) => d !== '');
  return filled;
}

const validators = new Map<string, ValidateFunction>();

function compileSchema(root: string): ValidateFunction {
  const cached = validators.get(root);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(join(root, SCHEMA), 'utf8')) as Record<string, unknown>;
  // The Teams schema declares draft-04 but uses no draft-04-only keyword, so Ajv's default
  // draft reads it as written once the $schema declaration is dropped.
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  validators.set(root, validate);
  return validate;
}

/** Validates a manifest against the vendored Teams schema; returns the errors (empty when valid). */
export function validateManifest(manifest: unknown, root: string = findRoot()): ErrorObject[] {
  const validate = compileSchema(root);
  return validate(manifest) ? [] : (validate.errors ?? []);
}

/** Builds the zip in memory after checking the manifest against the schema. */
export async function buildPackage(options: TeamsPackageOptions, root: string = findRoot()): Promise<Buffer> {
  const template = JSON.parse(readFileSync(join(root, TEMPLATE), 'utf8')) as Json;
  const manifest = fillManifest(template, options);
  const errors = validateManifest(manifest, root);
  if (errors.length > 0) {
    const list = errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    throw new PackagingError(`The Teams manifest does not match the ${MANIFEST_VERSION} schema: ${list}`);
  }
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const file of [...ICONS, ...LOCALISATIONS]) zip.file(file, readFileSync(join(root, 'manifests', 'teams', file)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Reads the environment, builds the package and writes it (by default to dist/techvoice-teams.zip); returns the path. */
export async function packageTeams(
  env: NodeJS.ProcessEnv,
  root: string = findRoot(),
  out: string = join(root, 'dist', 'techvoice-teams.zip'),
): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const options = readPackageOptions(env, pkg.version);
  if (options.developerUrl === PLACEHOLDER_DEVELOPER_URL) {
    console.warn(
      `Neither TEAMS_DEVELOPER_URL nor PUBLIC_URL is set: the developer links point at ${PLACEHOLDER_DEVELOPER_URL}`,
    );
  }
  const zip = await buildPackage(options, root);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  return out;
}

if (require.main === module) {
  packageTeams(process.env).then(
    (path) => console.log(path),
    (err: unknown) => {
      console.error(err instanceof PackagingError ? err.message : err);
      process.exitCode = 1;
    },
  );
}
