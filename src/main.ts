import { loadConfig, ConfigError } from './config';
import { createLogger, wantsPrettyLogs } from './log';
import { createApp } from './app';
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
  let app;
  try {
    app = await createApp(config, log);
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      console.error(`Techvoice cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const port = await app.listen();
  log.info({ port, store: config.store }, `Techvoice is listening on http://localhost:${port}`);
  if (config.playground) log.info({ playground: `http://localhost:${port}/` }, `Playground: open http://localhost:${port}/ in your browser`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing in-flight requests');
    await app.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
