import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_REPORT_SCHEDULES, isValidSchedule } from './core/schedules';
import type { RateLimit, RateLimits } from './core/rate-limits';

/** Every setting Techvoice reads from the environment. Nothing else reads process.env. */
export interface Config {
  port: number;
  /** Address to listen on: loopback in local mode unless HOST says otherwise, every interface in production. */
  host: string;
  /** Bot Framework app registration; unset means local mode (no authentication). */
  microsoftAppId: string | null;
  microsoftAppPassword: string | null;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  microsoftAppTenantId: string | null;
  /** OpenID metadata URL for validating incoming Bot Framework tokens; null = the public one. */
  botOpenIdMetadata: string | null;
  store: 'sqlite' | 'cosmos';
  sqlitePath: string;
  cosmos: { endpoint: string; key: string | null; database: string } | null;
  /** Teams/AAD object ids and Slack user ids of network admins. */
  admins: string[];
  /** Server key for anonymous respondent hashes and sealed reply handles (never kept in the database). */
  secret: string | null;
  /** Where the server key is kept when TECHVOICE_SECRET is unset: a file beside the SQLite database; null in production. */
  keyFile: string | null;
  slack: { signingSecret: string; botToken: string; apiUrl: string } | null;
  scheduler: boolean;
  /** Forum summaries and the chairs' digest, as schedules in each network's time zone. */
  summarySchedule: string;
  digestSchedule: string;
  /** Proactive sends per second per platform, over all conversations of this instance. */
  sendRate: { teams: number; slack: number };
  playground: boolean;
  demoData: boolean;
  metrics: boolean;
  /** When set, /metrics asks for `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** Public https URL of the bot, used for links and images in cards. */
  publicUrl: string | null;
  logLevel: string;
  /** Per-person limits, counted in memory only; null = no limit. */
  rateLimits: RateLimits;
  /** `auto`: readable lines in local mode on a terminal, JSON otherwise (production, files, pipes). */
  logFormat: 'auto' | 'json' | 'pretty';
}

const WINDOW_UNITS: Record<string, number> = { s: 1_000, min: 60_000, h: 3_600_000 };

/** "20/h", "30/min", "5/10s" or "off". */
const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx): RateLimit | null => {
      const text = v.trim().toLowerCase();
      if (text === 'off') return null;
      const match = /^(\d+)\s*\/\s*(\d*)\s*(s|min|h)$/.exec(text);
      const count = match ? Number(match[1]) : 0;
      const windowMs = match ? Number(match[2] || 1) * WINDOW_UNITS[match[3]] : 0;
      if (!match || count < 1 || windowMs < 1) {
        ctx.addIssue({ code: 'custom', message: 'write it as a count per time, e.g. 20/h, 30/min or 5/10s, or off' });
        return z.NEVER;
      }
      return { count, windowMs };
    });

const onOff = (fallback: boolean) =>
  z
    .enum(['on', 'off', 'true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'on' || v === 'true' || v === '1'));

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : null));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optional,
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optional,
  // OpenID metadata URL for validating incoming Bot Framework tokens; defaults to the public one; set for sovereign clouds or tests.
  BotOpenIdMetadata: optional,
  TECHVOICE_STORE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
  TECHVOICE_DB: z.string().min(1).default('data/techvoice.db'),
  COSMOS_ENDPOINT: optional,
  COSMOS_KEY: optional,
  COSMOS_DATABASE: z.string().min(1).default('techvoice'),
  TECHVOICE_ADMINS: optional,
  TECHVOICE_SECRET: optional,
  TECHVOICE_KEY_FILE: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_API_URL: z.string().url().default('https://slack.com/api/'),
  SCHEDULER: onOff(true),
  SUMMARY_SCHEDULE: z.string().default(DEFAULT_REPORT_SCHEDULES.summary).refine(isValidSchedule, 'not a schedule Techvoice understands (see docs/scheduler.md)'),
  DIGEST_SCHEDULE: z.string().default(DEFAULT_REPORT_SCHEDULES.digest).refine(isValidSchedule, 'not a schedule Techvoice understands (see docs/scheduler.md)'),
  TEAMS_SEND_RATE: z.coerce.number().positive().max(1000).default(30),
  SLACK_SEND_RATE: z.coerce.number().positive().max(1000).default(10),
  PLAYGROUND: optional,
  DEMO_DATA: onOff(true),
  METRICS: optional,
  METRICS_TOKEN: optional,
  PUBLIC_URL: optional,
  FEEDBACK_RATE_LIMIT: rateLimit('20/h'),
  COMMAND_RATE_LIMIT: rateLimit('30/min'),
  PRESS_RATE_LIMIT: rateLimit('60/min'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
});

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.TECHVOICE_STORE === 'cosmos' && !e.COSMOS_ENDPOINT) {
    throw new ConfigError('COSMOS_ENDPOINT is required when TECHVOICE_STORE=cosmos');
  }
  if (Boolean(e.SLACK_SIGNING_SECRET) !== Boolean(e.SLACK_BOT_TOKEN)) {
    throw new ConfigError('Set both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, or neither');
  }
  const localMode = e.MicrosoftAppId === null;
  if (!localMode) checkAppRegistration(e);
  // A key file per instance would give each instance its own key: Cosmos DB deployments and
  // production take the key from TECHVOICE_SECRET unless a key file is named.
  const keyFile =
    e.TECHVOICE_KEY_FILE ?? (localMode && e.TECHVOICE_STORE === 'sqlite' && e.TECHVOICE_DB !== ':memory:' ? path.join(path.dirname(e.TECHVOICE_DB), 'techvoice.key') : null);
  if (!e.TECHVOICE_SECRET && !keyFile) {
    throw new ConfigError(
      localMode
        ? 'TECHVOICE_SECRET is required with TECHVOICE_STORE=cosmos: every instance needs the same key, and it must not live in the database'
        : 'TECHVOICE_SECRET is required when MicrosoftAppId is set (production): use a Key Vault reference, or name a key file with TECHVOICE_KEY_FILE',
    );
  }
  const playground = e.PLAYGROUND === null ? localMode : onOff(false).parse(e.PLAYGROUND);
  const metrics = e.METRICS === null ? localMode : onOff(false).parse(e.METRICS);
  return {
    port: e.PORT,
    host: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    microsoftAppId: e.MicrosoftAppId,
    microsoftAppPassword: e.MicrosoftAppPassword,
    microsoftAppType: e.MicrosoftAppType,
    microsoftAppTenantId: e.MicrosoftAppTenantId,
    botOpenIdMetadata: e.BotOpenIdMetadata,
    store: e.TECHVOICE_STORE,
    sqlitePath: e.TECHVOICE_DB,
    cosmos: e.COSMOS_ENDPOINT
      ? { endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY, database: e.COSMOS_DATABASE }
      : null,
    admins: (e.TECHVOICE_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    secret: e.TECHVOICE_SECRET,
    keyFile,
    slack:
      e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
        ? { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN, apiUrl: e.SLACK_API_URL }
        : null,
    scheduler: e.SCHEDULER,
    summarySchedule: e.SUMMARY_SCHEDULE,
    digestSchedule: e.DIGEST_SCHEDULE,
    sendRate: { teams: e.TEAMS_SEND_RATE, slack: e.SLACK_SEND_RATE },
    playground,
    demoData: e.DEMO_DATA,
    metrics,
    metricsToken: e.METRICS_TOKEN,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    rateLimits: { feedback: e.FEEDBACK_RATE_LIMIT, commands: e.COMMAND_RATE_LIMIT, presses: e.PRESS_RATE_LIMIT },
    logFormat: e.LOG_FORMAT,
  };
}

/** What botbuilder asserts about an app registration, said at start-up with the setting's name. */
function checkAppRegistration(e: z.infer<typeof envSchema>): void {
  const type = e.MicrosoftAppType;
  if (type !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
    throw new ConfigError(`MicrosoftAppTenantId is required when MicrosoftAppType=${type}: set it to your Microsoft Entra tenant id`);
  }
  if (type === 'UserAssignedMSI' && e.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword must be empty when MicrosoftAppType=UserAssignedMSI: the managed identity needs no password');
  }
  if (type === 'SingleTenant' && !e.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword is required when MicrosoftAppType=SingleTenant');
  }
}
