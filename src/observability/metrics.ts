import { timingSafeEqual } from 'node:crypto';
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import type { Request, Response, Server } from 'restify';
import type { Platform } from '../core/model';
import type { CardActionObserver, CardActionResult, DeliveryEvent, OutboxObserver } from '../core/observers';

export const METRICS_PATH = '/metrics';

/**
 * The Prometheus counters of one app instance. Each instance has its own registry, so two
 * apps in one process (tests) never share or clash.
 */
export class Metrics implements OutboxObserver, CardActionObserver {
  readonly registry = new Registry();
  private readonly httpRequests = new Counter({
    name: 'techvoice_http_requests_total',
    help: 'HTTP requests answered, by route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly cardActions = new Counter({
    name: 'techvoice_card_actions_total',
    help: 'Card actions answered, by platform, verb and result (done, refused, failed).',
    labelNames: ['platform', 'verb', 'result'] as const,
    registers: [this.registry],
  });
  private readonly sends = new Counter({
    name: 'techvoice_outbox_sends_total',
    help: 'Proactive messages delivered by the outbox.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'techvoice_outbox_retries_total',
    help: 'Deliveries put back for a later try: throttled by the platform (429) or failed.',
    labelNames: ['platform', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly failures = new Counter({
    name: 'techvoice_outbox_failures_total',
    help: 'Send attempts that failed (errors, timeouts, refusals), throttling aside.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly unreachable = new Counter({
    name: 'techvoice_outbox_unreachable_total',
    help: 'Recipients given up on after repeated failures or a definite refusal.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'techvoice_' });
    for (const platform of ['teams', 'slack'] as const) {
      this.sends.inc({ platform }, 0);
      this.failures.inc({ platform }, 0);
      this.unreachable.inc({ platform }, 0);
    }
  }

  delivery(platform: Platform, event: DeliveryEvent): void {
    switch (event) {
      case 'sent':
        this.sends.inc({ platform });
        break;
      case 'throttled':
        this.retries.inc({ platform, reason: 'throttled' });
        break;
      case 'retry':
        this.failures.inc({ platform });
        this.retries.inc({ platform, reason: 'failed' });
        break;
      case 'unreachable':
        this.failures.inc({ platform });
        this.unreachable.inc({ platform });
        break;
    }
  }

  cardAction(platform: Platform, verb: string, result: CardActionResult): void {
    this.cardActions.inc({ platform, verb, result });
  }

  /** Counts every request by its route pattern (never the raw URL, so the label set stays small). */
  countRequests(server: Server): void {
    server.pre((req: Request, res: Response, next: () => void) => {
      res.once('finish', () => {
        const route = req.getRoute?.()?.path;
        this.httpRequests.inc({ method: req.method ?? 'GET', route: typeof route === 'string' ? route : 'unmatched', status: String(res.statusCode) });
      });
      next();
    });
  }

  /** GET /metrics in Prometheus' text format; with a token set, only for `Authorization: Bearer <token>`. */
  mount(server: Server, token: string | null): void {
    server.get(METRICS_PATH, async (req: Request, res: Response) => {
      if (token !== null && !bearerMatches(req.header('authorization') ?? '', token)) {
        res.header('www-authenticate', 'Bearer');
        res.send(401, { error: 'A valid metrics token is required (Authorization: Bearer …).' });
        return;
      }
      const body = await this.registry.metrics();
      res.writeHead(200, { 'content-type': this.registry.contentType });
      res.end(body);
    });
  }
}

function bearerMatches(header: string, token: string): boolean {
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
