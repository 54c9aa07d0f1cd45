import { z } from 'zod';
import { isValidSchedule } from './core/schedules';

/** Every setting Techvoice reads from the environment. Nothing else reads process.env. */
export interface Config {
  port: number;
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
  /** Server key for anonymous respondent hashes and sealed reply handles; generated and kept in the store when unset. */
  secret: string | null;
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
  /** `auto`: readable lines in local mode on a terminal, JSON otherwise (production, files, pipes). */
  logFormat: 'auto' | 'json' | 'pretty';
}

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
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_API_URL: z.string().url().default('https://slack.com/api/'),
  SCHEDULER: onOff(true),
  SUMMARY_SCHEDULE: z.string().default('0 9 * * 1#1').refine(isValidSchedule, 'not a schedule Techvoice understands (see docs/scheduler.md)'),
  DIGEST_SCHEDULE: z.string().default('0 9 * * 1').refine(isValidSchedule, 'not a schedule Techvoice understands (see docs/scheduler.md)'),
  TEAMS_SEND_RATE: z.coerce.number().positive().max(1000).default(30),
  SLACK_SEND_RATE: z.coerce.number().positive().max(1000).default(10),
  PLAYGROUND: optional,
  DEMO_DATA: onOff(true),
  METRICS: optional,
  METRICS_TOKEN: optional,
  PUBLIC_URL: optional,
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
  const playground = e.PLAYGROUND === null ? localMode : onOff(false).parse(e.PLAYGROUND);
  const metrics = e.METRICS === null ? localMode : onOff(false).parse(e.METRICS);
  return {
    port: e.PORT,
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
    logFormat: e.LOG_FORMAT,
  };
}
