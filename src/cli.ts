import { actorShown } from './core/format';
import { PLATFORMS } from './core/platforms';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeAuditDetail, recordOperatorAudit, type OperatorAct } from './core/network/audit';
import { loadConfig, ConfigError, type Config } from './config';
import { BackupError, backupDatabase, restoreDatabase } from './store/sqlite/backup';
import { loadEnvFile } from './load-env-file';
import { openStore } from './store/open-store';
import { describeImport, importActionPlan } from './core/actions/plan-import';
import { planCommand } from './core/actions/plan-commands';
import { UserError } from './core/errors';
import type { Store } from './core/store';
import type { Network } from './core/model';
import { sweepExpired } from './core/privacy/privacy';
import { exportBytes, isExportFormat, EXPORT_FORMATS } from './core/export/export';
import { isLanguage } from './core/i18n/language';
import type { CliIo } from './cli-io';
import { consultationCommand, narrativeCommand, profileCommand, quoteCli, SUBMISSION_USAGE } from './cli-submission';
import { Outbox } from './core/outbox/outbox';
import { askForRedExplanations } from './core/actions/reminders';
import { loadServerKey } from './server-key';

const USAGE = `Usage: techvoice <command> [options]

Commands:
  networks                                  List networks with their ids and linked workspaces
  import-actions FILE --network ID [--plan PLAN-ID] [--dry-run] [--replace]
                                            Import an action plan (.xlsx or CSV): see docs/action-plans.md
  plan list|new|close|carry-over --network ID [STAGE START NAME]
                                            Keep the network's plans (plan new two 2024-04-01 Action plan 2024–27)
  link --network ID --slack-team T…         Let a Slack workspace (or, with --teams-tenant ID, a Teams tenant) share the network
  export --network ID --format F --out FILE [--language en|cy]
                                            Write the self-assessment submission (F: docx or md) or the RAG analysis as CSV (F: csv), in English or Welsh (default: the network’s language)
  retention --network ID [--feedback-days N|keep] [--answers-days N|keep]
                                            Show or set how long feedback and pulse answers are kept
  sweep [--network ID]                      Delete feedback and answers older than the retention allows (the scheduler does this hourly)
  audit --network ID [--days N]             List chair and admin acts (default: the last 30 days)
  backup FILE                               Copy the SQLite database to FILE (safe while the server runs)
  restore FILE                              Replace the SQLite database with a backup (stop the server first)
${SUBMISSION_USAGE}

Configuration comes from the same environment variables as the server (TECHVOICE_DB, TECHVOICE_STORE, …).`;

/** Who the audit names for an act done with this tool. */
function operatorName(): string {
  try {
    return `command line (${os.userInfo().username})`;
  } catch {
    return 'command line';
  }
}

const audit = (store: Store, networkId: string, act: OperatorAct, detail: string) => recordOperatorAudit(store, networkId, operatorName(), act, detail);


function option(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : null;
}

async function listNetworks(store: Store, io: CliIo): Promise<number> {
  const networks = await store.listNetworks();
  if (networks.length === 0) io.out('No networks yet: one is created when Techvoice is first used in Teams or Slack.');
  for (const n of networks) {
    const links = (await store.listWorkspaces(n.id)).map((w) => `${w.platform}:${w.externalId}`).join(', ');
    io.out(`${n.id}  ${n.name}${links ? `  (${links})` : ''}`);
  }
  return 0;
}

async function importActions(store: Store, args: string[], io: CliIo, config: Config): Promise<number> {
  const file = args[0] && !args[0].startsWith('--') ? args[0] : null;
  const networkId = option(args, '--network');
  if (!file || !networkId) {
    io.err('Usage: techvoice import-actions FILE --network ID  (see `techvoice networks` for ids)');
    return 2;
  }
  if (!(await store.getNetwork(networkId))) {
    io.err(`No network with id ${networkId}. Run \`techvoice networks\` to see the ids.`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const result = await importActionPlan(store, networkId, bytes, new Date().toISOString(), {
    planId: option(args, '--plan') ?? undefined,
    mode: args.includes('--replace') ? 'replace' : 'merge',
    dryRun: args.includes('--dry-run'),
  });
  if (!result.ok) {
    io.err(`Nothing was imported: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} in ${file}.`);
    for (const e of result.errors) io.err(`  ${e.message}`);
    return 1;
  }
  await audit(store, networkId, 'import-actions', `file=${path.basename(file)} actions=${result.imported}`);
  for (const line of describeImport(result)) io.out(line.replace(/\*\*/g, ''));
  if (!result.dryRun) {
    // Queued in the store; the running server's outbox sends them.
    const outbox = new Outbox(store, {}, { secret: await loadServerKey(config, store) });
    const asked = await askForRedExplanations({ store, outbox }, (await store.getNetwork(networkId))!, result.plan, result.needExplanation);
    if (asked > 0) io.out(`Asked ${asked === 1 ? 'one owner' : `${asked} owners`} in chat to explain a red action.`);
  }
  return 0;
}

async function plans(store: Store, args: string[], io: CliIo): Promise<number> {
  const networkId = option(args, '--network');
  if (!networkId) {
    io.err('Usage: techvoice plan list|new|close|carry-over --network ID  (see `techvoice networks` for ids)');
    return 2;
  }
  if (!(await store.getNetwork(networkId))) {
    io.err(`No network with id ${networkId}. Run \`techvoice networks\` to see the ids.`);
    return 1;
  }
  const words = args.filter((a, i) => a !== '--network' && args[i - 1] !== '--network');
  try {
    const lines = await planCommand(store, networkId, words.join(' '), new Date().toISOString(), { id: 'cli', name: 'Command line' });
    for (const line of lines) io.out(line.replace(/\*\*/g, ''));
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      io.err(error.message.replace(/\*\*/g, ''));
      return 1;
    }
    throw error;
  }
}

async function exportAnalysis(store: Store, args: string[], io: CliIo): Promise<number> {
  const networkId = option(args, '--network');
  const format = option(args, '--format') ?? 'docx';
  const out = option(args, '--out');
  if (!networkId || !out) {
    io.err('Usage: techvoice export --network ID --format docx|csv|md --out FILE [--language en|cy]  (see `techvoice networks` for ids)');
    return 2;
  }
  const language = option(args, '--language');
  if (language !== null && !isLanguage(language)) {
    io.err(`Unknown language “${language}”: use en (English) or cy (Welsh).`);
    return 2;
  }
  if (!isExportFormat(format)) {
    io.err(`Unknown format “${format}”: use one of ${EXPORT_FORMATS.join(', ')}.`);
    return 2;
  }
  const network = await store.getNetwork(networkId);
  if (!network) {
    io.err(`No network with id ${networkId}. Run \`techvoice networks\` to see the ids.`);
    return 1;
  }
  const bytes = await exportBytes({ store }, network, format, undefined, language ?? network.language);
  try {
    writeFileSync(out, bytes);
  } catch (error) {
    io.err(`Cannot write ${out}: ${(error as Error).message}`);
    return 1;
  }
  await audit(store, network.id, 'export', `format=${format} file=${path.basename(out)} language=${language ?? network.language}`);
  io.out(`Wrote the ${format === 'csv' ? 'RAG analysis' : 'self-assessment submission'} of ${network.name} to ${out} (${bytes.length.toLocaleString('en-GB')} bytes).`);
  return 0;
}

/** Puts a Slack workspace or Teams tenant in an existing network, so both platforms share it. */
async function linkWorkspace(store: Store, args: string[], io: CliIo): Promise<number> {
  const networkId = option(args, '--network');
  const slackTeam = option(args, '--slack-team');
  const teamsTenant = option(args, '--teams-tenant');
  if (!networkId || Boolean(slackTeam) === Boolean(teamsTenant)) {
    io.err('Usage: techvoice link --network ID --slack-team T0123ABCD  (or --teams-tenant TENANT-ID instead of --slack-team)');
    return 2;
  }
  if (slackTeam && !/^[TE][A-Z0-9]{2,}$/.test(slackTeam)) {
    io.err(`“${slackTeam}” is not a Slack team id: it starts with T (find it in Slack under About this workspace).`);
    return 2;
  }
  const network = await store.getNetwork(networkId);
  if (!network) {
    io.err(`No network with id ${networkId}. Run \`techvoice networks\` to see the ids.`);
    return 1;
  }
  const platform = slackTeam ? 'slack' : 'teams';
  const externalId = (slackTeam ?? teamsTenant) as string;
  const before = await store.findWorkspace(platform, externalId);
  await store.linkWorkspace({ platform, externalId, networkId });
  await audit(store, networkId, 'link', `${platform === 'slack' ? 'slackTeam' : 'teamsTenant'}=${externalId}`);
  const moved = before && before.networkId !== networkId ? ` (it was in ${before.networkId}; what was done there stays there)` : '';
  io.out(`Linked ${PLATFORMS[platform].workspace} ${externalId} to ${network.name} (${networkId})${moved}.`);
  return 0;
}

async function networkFrom(store: Store, args: string[], io: CliIo, required: boolean): Promise<Network | null | undefined> {
  const id = option(args, '--network');
  if (!id) {
    if (required) io.err('Say which network with --network ID (see `techvoice networks`).');
    return required ? undefined : null;
  }
  const network = await store.getNetwork(id);
  if (!network) io.err(`No network with id ${id}. Run \`techvoice networks\` to see the ids.`);
  return network ?? undefined;
}

function parseRetentionDays(value: string | null, current: number | null): number | null | 'invalid' {
  if (value === null) return current;
  if (value === 'keep') return null;
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 36_500 ? days : 'invalid';
}

async function setRetention(store: Store, args: string[], io: CliIo): Promise<number> {
  const network = await networkFrom(store, args, io, true);
  if (!network) return 1;
  const feedbackDays = parseRetentionDays(option(args, '--feedback-days'), network.retention.feedbackDays);
  const answersDays = parseRetentionDays(option(args, '--answers-days'), network.retention.answersDays);
  if (feedbackDays === 'invalid' || answersDays === 'invalid') {
    io.err('Days must be a whole number from 1 to 36500, or "keep" to keep everything.');
    return 2;
  }
  const retention = { feedbackDays, answersDays };
  await store.updateNetwork({ ...network, retention });
  if (option(args, '--feedback-days') !== null || option(args, '--answers-days') !== null) {
    await audit(store, network.id, 'retention', `feedbackDays=${feedbackDays ?? 'keep'} answersDays=${answersDays ?? 'keep'}`);
  }
  const words = (days: number | null) => (days === null ? 'kept' : `deleted after ${days} days`);
  io.out(`${network.name}: feedback ${words(feedbackDays)}, pulse answers ${words(answersDays)}.`);
  return 0;
}

async function sweep(store: Store, args: string[], io: CliIo): Promise<number> {
  const only = await networkFrom(store, args, io, false);
  if (only === undefined) return 1;
  for (const network of only ? [only] : await store.listNetworks()) {
    const expired = await sweepExpired(store, network);
    await audit(store, network.id, 'sweep', `feedback=${expired.feedback} answers=${expired.answers}`);
    io.out(`${network.id}: deleted ${expired.feedback} feedback items and ${expired.answers} pulse answers.`);
  }
  return 0;
}

async function listAudit(store: Store, args: string[], io: CliIo): Promise<number> {
  const network = await networkFrom(store, args, io, true);
  if (!network) return 1;
  const days = Number(option(args, '--days') ?? 30);
  if (!Number.isInteger(days) || days < 1) {
    io.err('--days must be a whole number of days.');
    return 2;
  }
  const until = new Date();
  const entries = await store.listAudit(network.id, new Date(until.getTime() - days * 86_400_000).toISOString(), until.toISOString());
  for (const e of entries) {
    const detail = await describeAuditDetail(store, e);
    io.out(`${e.at}  ${actorShown(e.actorId, e.actorName)}  ${e.act}${detail ? `  ${detail}` : ''}`);
  }
  if (entries.length === 0) io.out(`No chair, admin or command-line acts in the last ${days} days.`);
  return 0;
}

async function backupCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const file = args[0] && !args[0].startsWith('--') ? args[0] : null;
  if (!file) {
    io.err('Usage: techvoice backup FILE  (for example data/backups/techvoice-2026-12-01.db)');
    return 2;
  }
  const { bytes } = await backupDatabase(config.sqlitePath, file);
  io.out(`Backed up ${config.sqlitePath} to ${file} (${bytes.toLocaleString('en-GB')} bytes).`);
  return 0;
}

async function restoreCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const file = args[0] && !args[0].startsWith('--') ? args[0] : null;
  if (!file) {
    io.err('Usage: techvoice restore FILE  (a file written by techvoice backup; stop the server first)');
    return 2;
  }
  const { keptAs } = await restoreDatabase(config.sqlitePath, file);
  io.out(`Restored ${config.sqlitePath} from ${file}.${keptAs ? ` The database as it was is kept as ${keptAs}.` : ''}`);
  return 0;
}

/** Commands on the SQLite file itself rather than through the store. */
async function runFileCommand(command: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    io.err(error instanceof ConfigError ? `Configuration problem: ${error.message}` : String(error));
    return 1;
  }
  if (config.store !== 'sqlite') {
    io.err(`${command} is for the SQLite store. Azure Cosmos DB keeps its own backups: see deployment/README.md.`);
    return 2;
  }
  try {
    return await (command === 'backup' ? backupCommand(config, args, io) : restoreCommand(config, args, io));
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'backup' || command === 'restore') return runFileCommand(command, args, env, io);
  const handlers: Record<string, (store: Store, config: Config) => Promise<number>> = {
    networks: (store) => listNetworks(store, io),
    'import-actions': (store, config) => importActions(store, args, io, config),
    link: (store) => linkWorkspace(store, args, io),
    plan: (store) => plans(store, args, io),
    export: (store) => exportAnalysis(store, args, io),
    retention: (store) => setRetention(store, args, io),
    sweep: (store) => sweep(store, args, io),
    audit: (store) => listAudit(store, args, io),
    profile: (store) => profileCommand(store, args, io),
    narrative: (store) => narrativeCommand(store, args, io),
    consultation: (store) => consultationCommand(store, args, io),
    quote: (store) => quoteCli(store, args, io),
  };
  const handler = handlers[command];
  if (!handler) {
    io.err(`Unknown command “${command}”.\n\n${USAGE}`);
    return 2;
  }
  let store: Store;
  let config: Config;
  try {
    config = loadConfig(env);
    store = await openStore(config);
  } catch (error) {
    io.err(error instanceof ConfigError ? `Configuration problem: ${error.message}` : String(error));
    return 1;
  }
  try {
    return await handler(store, config);
  } finally {
    await store.close();
  }
}

if (require.main === module || process.argv[1]?.endsWith('techvoice.js')) {
  loadEnvFile();
  void runCli(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) => {
    process.exitCode = code;
  });
}
