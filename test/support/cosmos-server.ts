import https from 'node:https';
import type { AddressInfo } from 'node:net';
import cosmosServer from '@vercel/cosmosdb-server';

export interface CosmosTestServer {
  endpoint: string;
  /** Accepts the emulator's bundled self-signed certificate: for tests only. */
  agent: https.Agent;
  /**
   * Runs `work` and counts the documents the server returned meanwhile, as Cosmos DB bills
   * reads: one per point read, and each document of every query page.
   */
  documentsRead<T>(work: () => Promise<T>): Promise<{ result: T; documents: number }>;
  stop(): Promise<void>;
}

/** Starts an in-memory Cosmos DB emulator (real wire protocol) on a free loopback port. */
export async function startCosmosServer(): Promise<CosmosTestServer> {
  const server = cosmosServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  let counting: { documents: number } | null = null;
  server.prependListener('request', (req, res) => {
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => typeof res;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (counting && res.statusCode === 200 && typeof chunk === 'string') {
        if (req.headers['x-ms-documentdb-isquery']) counting.documents += (JSON.parse(chunk) as { Documents?: unknown[] }).Documents?.length ?? 0;
        else if (req.method === 'GET' && /\/docs\/[^/]+$/.test(req.url ?? '')) counting.documents += 1;
      }
      return end(chunk, ...rest);
    }) as typeof res.end;
  });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    agent,
    documentsRead: async (work) => {
      const meter = { documents: 0 };
      counting = meter;
      try {
        return { result: await work(), documents: meter.documents };
      } finally {
        counting = null;
      }
    },
    stop: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
