import './known-warnings';
import restify, { type Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Store } from './core/store';
import { openStore } from './store/open-store';
import { holdServerLock } from './store/sqlite/server-lock';
import { withReadCache } from './store/cached-store';
import { Techvoice } from './core/techvoice';
import { Outbox, type Messengers } from './core/outbox/outbox';
import { PLATFORMS } from './core/platforms';
import { Scheduler } from './scheduler/scheduler';
import { createTeamsEndpoint } from './teams/teams-endpoint';
import { createSlackEndpoint, SLACK_EVENTS_PATH } from './slack/slack-endpoint';
import { mountPlayground, playgroundServiceUrl } from './playground/playground';
import { ChartLinks } from './core/charts/links';
import { mountChartPictures } from './http/chart-route';
import { prepareDemo } from './demo/start';
import { Metrics } from './observability/metrics';
import { loadServerKey } from './server-key';
import { isLoopback, jsonBody, refuseEncodedAndMultipart, sameOriginOnly } from './http/request-guards';

export { openStore };

export interface App {
  server: Server;
  store: Store;
  core: Techvoice;
  outbox: Outbox;
  /** Null on an instance started with SCHEDULER=off. */
  scheduler: Scheduler | null;
  /** Listens on the configured port (0 = any free one) and returns the port. */
  listen(): Promise<number>;
  /** Stops taking requests, lets in-flight ones finish (for `SHUTDOWN_GRACE_MS` at most), closes the store. */
  close(): Promise<void>;
}

/** A problem that stops the server from starting, said in one line (e.g. the port is in use). */
export class StartupError extends Error {}

/** How long in-flight requests get to finish at shutdown before their connections are closed. */
export const SHUTDOWN_GRACE_MS = 2_000;

export async function createApp(config: Config, log: Logger, store?: Store): Promise<App> {
  const serverLock = !store && config.store === 'sqlite' ? holdServerLock(config.sqlitePath) : null;
  const theStore = withReadCache(store ?? (await openStore(config)));
  const messengers: Messengers = {};
  const metrics = config.metrics ? new Metrics() : null;
  const secret = await loadServerKey(config, theStore);
  const outbox = new Outbox(theStore, messengers, {
    secret,
    observer: metrics,
    pacing: {
      teams: { ...PLATFORMS.teams.pacing, perSecond: config.sendRate.teams },
      slack: { ...PLATFORMS.slack.pacing, perSecond: config.sendRate.slack },
    },
  });
  const charts = chartLinks(config, secret);
  const reportSchedules = { summary: config.summarySchedule, digest: config.digestSchedule };
  const core = new Techvoice({ store: theStore, secret, outbox, charts, reportSchedules }, config.admins, metrics, config.rateLimits);
  const scheduler = config.scheduler ? new Scheduler(core.deps, log) : null;

  const server = restify.createServer({ name: 'techvoice', handleUncaughtExceptions: false });
  // Before any route reads a body; and browsers' requests only from the server's own pages.
  server.pre(refuseEncodedAndMultipart);
  server.pre(
    sameOriginOnly({
      loopbackOnly: isLoopback(config.host),
      extraOrigins: config.publicUrl ? [new URL(config.publicUrl).origin] : [],
    }),
  );
  if (metrics) {
    metrics.countRequests(server);
    metrics.mount(server, config.metricsToken);
  }
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  const teams = createTeamsEndpoint(config, core, log);
  messengers.teams = teams.messenger;
  // Body parsing only here: Slack's signature check needs the raw body of its own route.
  server.post('/api/messages', jsonBody(), async (req, res) => {
    await teams.handle(req, res);
  });

  if (config.slack) {
    const slack = createSlackEndpoint(config.slack, core, log);
    messengers.slack = slack.messenger;
    server.post(SLACK_EVENTS_PATH, (req, res, next) => slack.handle(req, res, next));
  } else {
    log.info('Slack is off: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set');
  }

  if (charts) mountChartPictures(server, charts);
  if (config.playground) mountPlayground(server, log, charts);

  if (!config.microsoftAppId) {
    log.warn('Local mode: MicrosoftAppId is not set, so /api/messages accepts unauthenticated requests. Set it in production.');
  }

  return {
    server,
    store: theStore,
    core,
    outbox,
    scheduler,
    listen: async () => {
      const port = await new Promise<number>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => reject(listenProblem(error, config)));
        server.listen(config.port, config.host, () => resolve((server.address() as { port: number }).port));
      });
      // After listening: the demo personas' chats are addressed to the playground connector on this port.
      if (config.playground) await prepareDemo(theStore, { secret: core.deps.secret, serviceUrl: playgroundServiceUrl(port), seed: config.demoData }, log);
      outbox.start();
      scheduler?.start();
      return port;
    },
    close: async () => {
      // Connections still open after the grace period (a stalled client, a long poll) are cut.
      const cut = setTimeout(() => server.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearTimeout(cut);
      await scheduler?.stop();
      await outbox.stop();
      await theStore.close();
      serverLock?.release();
    },
  };
}

/**
 * Links to chart pictures at PUBLIC_URL, for clients that cannot draw a card's chart; in the
 * playground without one, links within the server's own page. Otherwise none: text bars.
 */
function chartLinks(config: Config, secret: string): ChartLinks | undefined {
  if (config.publicUrl) return new ChartLinks(secret, config.publicUrl.replace(/\/+$/, ''));
  return config.playground ? new ChartLinks(secret, '') : undefined;
}

function listenProblem(error: NodeJS.ErrnoException, config: Config): Error {
  const where = `${config.host}:${config.port}`;
  if (error.code === 'EADDRINUSE') return new StartupError(`port ${config.port} is already in use on ${config.host}: stop what is using it or set PORT to another port`);
  if (error.code === 'EACCES') return new StartupError(`not allowed to listen on ${where}: set PORT to a port above 1023`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new StartupError(`cannot listen on ${where}: HOST is not an address of this machine`);
  return error;
}
