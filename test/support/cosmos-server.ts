import https from 'node:https';
import type { AddressInfo } from 'node:net';
import cosmosServer from '@vercel/cosmosdb-server';

export interface CosmosTestServer {
  endpoint: string;
  /** Accepts the emulator's bundled self-signed certificate: for tests only. */
  agent: https.Agent;
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
  return {
    endpoint: `https://127.0.0.1:${port}`,
    agent,
    stop: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
