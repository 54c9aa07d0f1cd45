import { loadConfig, ConfigError } from './config';
import { createLogger } from './log';
import { createApp, StartupError } from './app';
import { startShutdownWatchdog } from './shutdown-watchdog';
import { loadEnvFile } from './load-env-file';

async function main(): Promise<void> {
  let config;
  try {
    loadEnvFile();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Techvoice cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const app = await createApp(config, log);
  const port = await app.listen().catch((error: unknown) => {
    if (!(error instanceof StartupError)) throw error;
    console.error(`Techvoice cannot start: ${error.message}`);
    process.exit(1);
  });
  log.info({ port, store: config.store }, `Techvoice is listening on http://localhost:${port}`);
  if (config.playground) log.info({ playground: `http://localhost:${port}/` }, `Playground: open http://localhost:${port}/ in your browser`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    startShutdownWatchdog();
    log.info({ signal }, 'stopping: finishing in-flight requests');
    await app.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
