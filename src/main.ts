import { loadConfig, ConfigError } from './config';
import { createLogger, wantsPrettyLogs } from './log';
import { createApp, StartupError } from './app';
import { startShutdownWatchdog } from './shutdown-watchdog';
import { ServerKeyError } from './server-key';
import { loadEnvFile } from './load-env-file';
import { DatabaseInUseError } from './store/sqlite/server-lock';

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
  const log = createLogger(config.logLevel, undefined, wantsPrettyLogs(config, process.stdout.isTTY === true));
  const cannotStart = (error: unknown): never => {
    if (!(error instanceof DatabaseInUseError || error instanceof ServerKeyError || error instanceof StartupError)) throw error;
    console.error(`Techvoice cannot start: ${error.message}`);
    process.exit(1);
  };
  const app = await createApp(config, log).catch(cannotStart);
  const port = await app.listen().catch(cannotStart);
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
