import type { Request, Response, Server } from 'restify';
import { drawChart } from '../core/charts/draw';
import type { ChartLinks } from '../core/charts/links';

/** Pictures drawn recently, by link: a card seen by a whole forum asks for the same few. */
const CACHED = 32;

/**
 * GET /charts/<signature>.png?d=<chart>: the picture a summary card links to (Teams shows it where it cannot
 * draw the chart itself, and so does the playground). Only links this server signed are drawn.
 */
export function mountChartPictures(server: Server, links: ChartLinks): void {
  const drawn = new Map<string, Buffer>();
  server.get('/charts/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file);
    const payload = new URL(req.url ?? '/', 'http://localhost').searchParams.get('d') ?? '';
    const link = `${file}?${payload}`;
    let png = drawn.get(link);
    if (!png) {
      const spec = links.read(file, payload);
      png = spec ? drawChart(spec)?.png : undefined;
      if (!png) return void res.send(404, { error: 'No such chart. Ask for the summary again for fresh charts.' });
      drawn.set(link, png);
      if (drawn.size > CACHED) drawn.delete(drawn.keys().next().value as string);
    }
    // A link names its data, so its picture never changes.
    res.sendRaw(200, png, { 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000, immutable' });
  });
}
