import type {
  Action,
  ActionOrigin,
  ActionUpdate,
  Feedback,
  Forum,
  Member,
  Network,
  Plan,
  PulseAnswer,
  PulseAudience,
  PulseQuestion,
  PulseRound,
  QuietHours,
  RagSnapshot,
  RetentionPolicy,
  Role,
  WorkspaceLink,
} from '../../core/model';
import type { Delivery } from '../../core/store';

/** How one field of a model is kept in a column: its name (snake_case of the field unless given) and how it is written and read. */
interface Column<T> {
  name?: string;
  read(value: unknown): T;
  write(value: T): unknown;
}

const same = <T>(name?: string): Column<T> => ({ ...(name ? { name } : {}), read: (value) => value as T, write: (value) => value });
const flag: Column<boolean> = { read: (value) => value === 1, write: (value) => (value ? 1 : 0) };
const json = <T>(): Column<T> => ({ read: (value) => JSON.parse(value as string) as T, write: (value) => JSON.stringify(value) });
const jsonOrNull = <T>(): Column<T | null> => ({
  read: (value) => (value === null ? null : (JSON.parse(value as string) as T)),
  write: (value) => (value === null ? null : JSON.stringify(value)),
});

const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** One entity's row ↔ model mapping, declared once: a row as the model, and the model as named statement parameters. */
export interface RowMapping<M> {
  fromRow(row: unknown): M;
  params(model: M): Record<string, unknown>;
}

/** Every field of the model must be named: a new field is a compile error until its column is declared. */
function rowMapping<M>(columns: { [K in keyof M]-?: Column<M[K]> }): RowMapping<M> {
  const fields = Object.entries(columns as Record<string, Column<unknown>>).map(([field, column]) => ({ field, name: column.name ?? snakeCase(field), column }));
  return {
    fromRow(row) {
      const values = row as Record<string, unknown>;
      const model: Record<string, unknown> = {};
      for (const { field, name, column } of fields) model[field] = column.read(values[name]);
      return model as M;
    },
    params(model) {
      const values = model as Record<string, unknown>;
      const params: Record<string, unknown> = {};
      for (const { field, column } of fields) params[field] = column.write(values[field]);
      return params;
    },
  };
}

export const NETWORK = rowMapping<Network>({
  id: same(),
  name: same(),
  timeZone: same(),
  quietHours: jsonOrNull<QuietHours>(),
  quietWeekends: flag,
  anonymityThreshold: same(),
  reminderDaysBefore: json<number[]>(),
  staleAfterDays: same(),
  retention: json<RetentionPolicy>(),
  liveResults: flag,
  language: same(),
  createdAt: same(),
});

export const WORKSPACE_LINK = rowMapping<WorkspaceLink>({ platform: same(), externalId: same(), networkId: same() });

export const MEMBER = rowMapping<Member>({
  id: same(),
  networkId: same(),
  platform: same(),
  platformUserId: same(),
  aadObjectId: same(),
  name: same(),
  email: same(),
  roles: json<Role[]>(),
  directAddress: same(),
  unreachable: flag,
  linkedPerson: same(),
  language: same(),
  seenLanguage: same(),
  createdAt: same(),
});

export const FORUM = rowMapping<Forum>({ id: same(), networkId: same(), platform: same(), channelId: same(), name: same(), address: same(), language: same(), createdAt: same() });

export const FEEDBACK = rowMapping<Feedback>({
  networkId: same(),
  number: same(),
  theme: same(),
  text: same(),
  anonymous: flag,
  authorMemberId: same(),
  status: same(),
  linkedAction: same(),
  reply: same(),
  platform: same(),
  createdAt: same(),
  updatedAt: same(),
});

export const PULSE_QUESTION = rowMapping<PulseQuestion>({
  networkId: same(),
  number: same(),
  text: same(),
  kind: same(),
  choices: json<string[]>(),
  theme: same(),
  anonymous: flag,
  audience: json<PulseAudience>(),
  schedule: same(),
  windowHours: same(),
  createdBy: same(),
  createdAt: same(),
});

export const PULSE_ROUND = rowMapping<PulseRound>({
  id: same(),
  networkId: same(),
  questionNumber: same(),
  opensAt: same(),
  closesAt: same(),
  askedCount: same(),
  answerSalt: same(),
  createdAt: same(),
});

export const PULSE_ANSWER = rowMapping<PulseAnswer>({ roundId: same(), respondentKey: same(), memberId: same(), value: same(), platform: same(), answeredAt: same() });

export const PLAN = rowMapping<Plan>({
  networkId: same(),
  id: same(),
  name: same(),
  stage: same(),
  start: same('starts_on'),
  end: same('ends_on'),
  state: same(),
  createdAt: same(),
  closedAt: same(),
  ragAtClose: jsonOrNull<RagSnapshot>(),
});

export const ACTION = rowMapping<Action>({
  networkId: same(),
  planId: same(),
  number: same(),
  title: same(),
  shortTitle: same(),
  theme: same(),
  edi: flag,
  owner: same(),
  ownerEmail: same(),
  due: same(),
  dueAsWritten: same(),
  status: same(),
  note: same(),
  successMeasure: same(),
  evidence: same(),
  carriedFrom: jsonOrNull<ActionOrigin>(),
  updatedAt: same(),
  version: same(),
});

export const ACTION_UPDATE = rowMapping<ActionUpdate>({
  networkId: same(),
  planId: same(),
  actionNumber: same(),
  at: same(),
  by: same(),
  byName: same(),
  status: same(),
  note: same(),
  evidence: same(),
});

export const DELIVERY = rowMapping<Delivery>({
  id: same(),
  networkId: same(),
  jobKey: same(),
  recipientKey: same(),
  platform: same(),
  address: same(),
  payload: same(),
  state: same(),
  attempts: same(),
  notBefore: same(),
  claimedBy: same(),
  claimedUntil: same(),
  lastError: same(),
  sentAt: same(),
  createdAt: same(),
});
