/**
 * Fills the Slack app manifest (manifests/slack/manifest.template.json) with the bot's
 * public URL. Events, the slash command and interactivity all arrive on one endpoint,
 * `${PUBLIC_URL}/slack/events`.
 *
 * Usage: `PUBLIC_URL=https://bot.example.ac.uk npx tsx scripts/slack-manifest.ts > slack-manifest.json`,
 * then paste the JSON into "Create New App → From an app manifest" at https://api.slack.com/apps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TEMPLATE = join('manifests', 'slack', 'manifest.template.json');

export class SlackManifestError extends Error {}

/** Finds the template above this file, whether it runs from scripts/ or from dist/scripts/. */
function findTemplate(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, TEMPLATE))) return join(dir, TEMPLATE);
    if (dirname(dir) === dir) throw new SlackManifestError(`Cannot find ${TEMPLATE} above ${start}`);
  }
}

/** Checks that `publicUrl` is an https URL and returns it without a trailing slash. */
export function normalisePublicUrl(publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicUrl.trim());
  } catch {
    throw new SlackManifestError(`PUBLIC_URL is not a URL: ${publicUrl}`);
  }
  // Slack only calls request URLs over https: https://api.slack.com/apis/events-api#subscribing
  if (url.protocol !== 'https:') throw new SlackManifestError(`PUBLIC_URL must be an https URL: ${publicUrl}`);
  if (url.search || url.hash) throw new SlackManifestError(`PUBLIC_URL must not have a query or fragment: ${publicUrl}`);
  return url.href.replace(/\/+$/, '');
}

/** Returns the Slack app manifest with every `${PUBLIC_URL}` replaced. */
export function slackManifest(publicUrl: string, templatePath: string = findTemplate()): Record<string, unknown> {
  const base = normalisePublicUrl(publicUrl);
  const text = readFileSync(templatePath, 'utf8');
  // JSON.stringify(base).slice(1, -1) escapes the URL for use inside a JSON string.
  const filled = text.split('${PUBLIC_URL}').join(JSON.stringify(base).slice(1, -1));
  return JSON.parse(filled) as Record<string, unknown>;
}

if (require.main === module) {
  try {
    const url = process.env.PUBLIC_URL;
    if (!url) throw new SlackManifestError('PUBLIC_URL is not set: set it to the https URL the bot is served on');
    console.log(JSON.stringify(slackManifest(url), null, 2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
