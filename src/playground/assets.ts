import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository's `public/` folder, from src/playground (tsx) or dist/src/playground (built). */
function publicDirectory(): string {
  for (const up of ['../..', '../../..']) {
    const dir = resolve(__dirname, up, 'public');
    if (existsSync(join(dir, 'playground.html'))) return dir;
  }
  throw new Error(`public/ folder not found from ${__dirname}`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface Asset {
  body: Buffer;
  contentType: string;
}

/** The page's own files: a fixed list, so no request can read anything else. */
const PAGE_FILES = ['playground.html', 'playground.js', 'gallery.js', 'cards-view.js', 'playground.css'] as const;

/** The Adaptive Cards renderer, served as shipped in its npm package: nothing to build. */
const RENDERER = join(dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.min.js');

export function pageAsset(name: string): Asset | null {
  if (!(PAGE_FILES as readonly string[]).includes(name)) return null;
  const extension = name.slice(name.lastIndexOf('.'));
  return { body: readFileSync(join(publicDirectory(), name)), contentType: TYPES[extension] };
}

export function rendererAsset(): Asset {
  return { body: readFileSync(RENDERER), contentType: TYPES['.js'] };
}
