import type { CardName } from '../core/cards';
import { renderAdaptiveCard } from '../cards/adaptive';
import { renderBlockKit, type BlockKitCard } from '../slack/blockkit';
import type { JsonObject } from '../cards/templates';
import type { ChartLinks } from '../core/charts/links';
import { SAMPLE_CARD_NAMES, sampleCard } from './sample-cards';

export interface GalleryEntry {
  name: CardName;
  adaptive: JsonObject;
  blockKit: BlockKitCard | null;
  /** Why there is no Block Kit for this card, when there is none. */
  blockKitProblem: string;
}

export function galleryEntries(links?: ChartLinks): GalleryEntry[] {
  return SAMPLE_CARD_NAMES.map((name) => {
    const card = sampleCard(name, links);
    let blockKit: BlockKitCard | null = null;
    let blockKitProblem = '';
    try {
      blockKit = renderBlockKit(sampleCard(name, links, 'slack'));
    } catch (error) {
      blockKitProblem = (error as Error).message;
    }
    return { name, adaptive: renderAdaptiveCard(card), blockKit, blockKitProblem };
  });
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

function section(entry: GalleryEntry): string {
  const slack = entry.blockKit
    ? `<div class="slack-preview" data-card="${entry.name}"></div>
       <details><summary>Block Kit JSON</summary><pre>${escapeHtml(JSON.stringify(entry.blockKit.blocks, null, 2))}</pre></details>`
    : `<p class="problem">No Block Kit for this card: ${escapeHtml(entry.blockKitProblem)}</p>`;
  return `
  <section class="gallery-entry" id="card-${entry.name}">
    <h2>${entry.name}</h2>
    <div class="columns">
      <div class="column"><h3>Teams (Adaptive Card)</h3><div class="teams-card" data-card="${entry.name}"></div>
        <details><summary>Adaptive Card JSON</summary><pre>${escapeHtml(JSON.stringify(entry.adaptive, null, 2))}</pre></details></div>
      <div class="column"><h3>Slack (Block Kit)</h3>${slack}</div>
    </div>
  </section>`;
}

/** The /cards page: every card with sample data, as Teams and Slack show it. */
export function galleryPage(links?: ChartLinks): string {
  const entries = galleryEntries(links);
  const data = Object.fromEntries(entries.map((e) => [e.name, { adaptive: e.adaptive, blocks: e.blockKit?.blocks ?? null }]));
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Techvoice cards</title>
  <link rel="stylesheet" href="/playground/assets/playground.css">
</head>
<body class="gallery">
  <header><h1>Techvoice cards</h1><p>Every card with sample data: on the left as Teams shows it (the Adaptive Cards renderer), on the right the Slack Block Kit. <a href="/">Back to the playground</a></p>
    <nav><ul>${entries.map((e) => `<li><a href="#card-${e.name}">${e.name}</a></li>`).join('')}</ul></nav>
  </header>
  <main>${entries.map(section).join('')}</main>
  <script id="gallery-data" type="application/json">${scriptJson(data)}</script>
  <script src="/playground/vendor/adaptivecards.min.js"></script>
  <script src="/playground/assets/cards-view.js"></script>
  <script src="/playground/assets/gallery.js"></script>
</body>
</html>`;
}
