import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  /** Requests answered. */
  total: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  connections?: number;
  seconds?: number;
  /** Fixed request rate over all connections (for latency at a given load); unset = as fast as possible. */
  overallRate?: number;
  /** Stop after this many requests instead of after `seconds`. */
  amount?: number;
  headers?: Record<string, string>;
  /** Builds the n-th request body. */
  body: (n: number) => string;
  /** Headers that depend on the body (e.g. a Slack signature). */
  headersFor?: (body: string) => Record<string, string>;
  contentType?: string;
}

/** Runs autocannon against one endpoint on loopback and returns its figures. */
export async function load(options: LoadOptions): Promise<LoadFigures> {
  let n = 0;
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections ?? 20,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 5 }),
    overallRate: options.overallRate,
    headers: { 'content-type': options.contentType ?? 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (request) => {
          const body = options.body(n++);
          return { ...request, body, headers: { ...request.headers, ...options.headersFor?.(body) } };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
