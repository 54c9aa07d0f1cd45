import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
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
  headers?: Record<string, string>;
  /** Builds the n-th request body. */
  body: (n: number) => string;
}

/** Runs autocannon against one endpoint on loopback and returns its figures. */
export async function load(options: LoadOptions): Promise<LoadFigures> {
  let n = 0;
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections ?? 20,
    duration: options.seconds ?? 5,
    overallRate: options.overallRate,
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: options.body(n++) }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
