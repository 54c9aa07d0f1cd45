/**
 * Azure Cosmos DB store, for deployments with several instances. Containers, partition keys
 * and how concurrency works without transactions: docs/storage.md.
 */
import { randomUUID } from 'node:crypto';
import type https from 'node:https';
import { CosmosClient, type Container, type ContainerRequest, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type {
  Action,
  AuditEntry,
  ActionUpdate,
  Feedback,
  FeedbackStatus,
  Forum,
  Member,
  Network,
  Plan,
  Platform,
  PulseAnswer,
  PulseQuestion,
  PulseRound,
  WorkspaceLink,
} from '../../core/model';
import type { Consultation, InstitutionProfile, NarrativeSection } from '../../core/submission/model';
import { LEGACY_PLAN_ID, type AnswerCount, type CountedRound, type Created, type Delivery, type ExpiredCounts, type FeedbackCount, type ForgetCounts, type Store } from '../../core/store';
import { compareActionNumbers } from '../../core/format';
import { assertAnonymousFeedbackHasNoAuthor, FORGOTTEN } from '../../core/model';
import { Collection, type PartitionField, type Stored, documentId, untilSettled } from './collection';
import { AnswerTallies } from './answer-tally';
import { AnswerRollups } from './answer-rollup';
import { earliestWithin, longestWindowMs, type RateWindow } from '../../core/outbox/outbox-pacing';

export interface CosmosStoreOptions {
  endpoint: string;
  /** Account key; null to sign in with DefaultAzureCredential (managed identity, az login…). */
  key: string | null;
  database: string;
  /** HTTPS agent, e.g. one that trusts the local emulator's certificate in tests. */
  agent?: https.Agent;
  /**
   * After how long an answer write found half done is taken to have been cut short by a crash
   * (src/store/cosmos/answer-tally.ts); tests shorten it.
   */
  answerTallyStaleMs?: number;
}

type CounterKind = 'feedback' | 'pulse';

interface Setting {
  key: string;
  value: string;
}

interface IdempotencyRecord {
  kind: CounterKind;
  key: string;
  number: number;
}

interface ActionRecord {
  action: Action;
  history: ActionUpdate[];
}

/**
 * Actions written before plans existed lack the plan fields; they belong to the network's
 * first plan, whose document is made the first time the network's plans are read.
 */
function withPlanFields(action: Action): Action {
  return {
    ...action,
    planId: action.planId ?? LEGACY_PLAN_ID,
    shortTitle: action.shortTitle ?? '',
    edi: action.edi ?? false,
    ownerEmail: action.ownerEmail === undefined ? action.owner : action.ownerEmail,
    dueAsWritten: action.dueAsWritten ?? action.due ?? '',
    successMeasure: action.successMeasure ?? '',
    carriedFrom: action.carriedFrom ?? null,
  };
}

const withPlanId = (update: ActionUpdate): ActionUpdate => ({ ...update, planId: update.planId ?? LEGACY_PLAN_ID });

/** Actions of the first plan keep the ids they had before plans existed. */
const actionDocumentId = (planId: string, number: string): string =>
  documentId(planId === LEGACY_PLAN_ID ? number : `${planId}|${number}`);

interface ProcessedEvent {
  key: string;
  at: string;
}

interface ReplyHandle {
  feedbackNumber: number;
  sealed: string;
}

interface Lease {
  name: string;
  holder: string;
  until: string;
}

/** A platform's next free send slot (ms since the epoch). */
interface SendSlots {
  nextMs: number;
}

/** Recent sends to one conversation, named by a keyed hash of it. */
interface ConversationSends {
  sent: number[];
  keepUntil: number;
}

/** Every this many conversation sends, the ones past every window are deleted. */
const FORGET_SENDS_EVERY = 500;
/** Conditional writes tried before giving up on a contended budget document. */
const BUDGET_ATTEMPTS = 50;

const CONTAINERS = {
  settings: 'id',
  networks: 'id',
  workspaces: 'id',
  members: 'networkId',
  forums: 'networkId',
  counters: 'networkId',
  idempotencyKeys: 'networkId',
  feedback: 'networkId',
  pulseQuestions: 'networkId',
  pulseRounds: 'id',
  pulseAnswers: 'roundId',
  answerRollups: 'networkId',
  actions: 'networkId',
  plans: 'networkId',
  processed: 'id',
  outbox: 'jobKey',
  leases: 'id',
  sendSlots: 'id',
  conversationSends: 'id',
  replyHandles: 'networkId',
  audit: 'networkId',
  profiles: 'networkId',
  narrative: 'networkId',
  consultations: 'networkId',
  quotable: 'networkId',
} as const satisfies Record<string, PartitionField>;

type ContainerName = keyof typeof CONTAINERS;

const CONTAINER_SETTINGS: Partial<Record<ContainerName, Partial<ContainerRequest>>> = {
  outbox: {
    indexingPolicy: {
      compositeIndexes: [
        [
          { path: '/data/state', order: 'ascending' },
          { path: '/data/notBefore', order: 'ascending' },
        ],
      ],
    },
  },
};

const PARALLEL_WRITES = 16;
/** Claim queries per claimDeliveries call, so a caller that keeps losing races returns. */
const MAX_CLAIM_ROUNDS = 5;

/** Orders as SQLite does: text by code units (ISO times sort this way), numbers by value. */
function compareValues(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byTimeThenKey<T>(time: (item: T) => string, key: (item: T) => string | number) {
  return (a: T, b: T): number => compareValues(time(a), time(b)) || compareValues(key(a), key(b));
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

/** Groups `items` by the fields `key` picks out and counts each group (GROUP BY, in code). */
function countBy<T, K extends object>(items: T[], key: (item: T) => K): (K & { count: number })[] {
  const groups = new Map<string, K & { count: number }>();
  for (const item of items) {
    const fields = key(item);
    const id = JSON.stringify(fields);
    const group = groups.get(id) ?? { ...fields, count: 0 };
    group.count += 1;
    groups.set(id, group);
  }
  return [...groups.values()];
}

const param = (name: string, value: string | number) => ({ name, value });

export class CosmosStore implements Store {
  private readonly settings: Collection<Setting>;
  private readonly networks: Collection<Network>;
  private readonly workspaces: Collection<WorkspaceLink>;
  private readonly members: Collection<Member>;
  private readonly forums: Collection<Forum>;
  private readonly counters: Collection<number>;
  private readonly idempotencyKeys: Collection<IdempotencyRecord>;
  private readonly feedback: Collection<Feedback>;
  private readonly pulseQuestions: Collection<PulseQuestion>;
  private readonly pulseRounds: Collection<PulseRound>;
  private readonly pulseAnswers: Collection<PulseAnswer>;
  private readonly actions: Collection<ActionRecord>;
  private readonly plans: Collection<Plan>;
  private readonly processed: Collection<ProcessedEvent>;
  private readonly outbox: Collection<Delivery>;
  private readonly leases: Collection<Lease>;
  private readonly sendSlots: Collection<SendSlots>;
  private readonly conversationSends: Collection<ConversationSends>;
  private conversationSendCount = 0;
  private readonly replyHandles: Collection<ReplyHandle>;
  private readonly audit: Collection<AuditEntry>;
  private readonly profiles: Collection<InstitutionProfile>;
  private readonly narrative: Collection<NarrativeSection>;
  private readonly consultations: Collection<Consultation>;
  private readonly quotable: Collection<{ feedbackNumber: number }>;
  /** Answers with their per-round counts (same container as pulseAnswers). */
  private readonly answers: AnswerTallies;

  private constructor(
    private readonly client: CosmosClient,
    containers: Record<ContainerName, Container>,
    options: Pick<CosmosStoreOptions, 'answerTallyStaleMs'>,
  ) {
    const collection = <T>(name: ContainerName) => new Collection<T>(containers[name], CONTAINERS[name]);
    this.settings = collection('settings');
    this.networks = collection('networks');
    this.workspaces = collection('workspaces');
    this.members = collection('members');
    this.forums = collection('forums');
    this.counters = collection('counters');
    this.idempotencyKeys = collection('idempotencyKeys');
    this.feedback = collection('feedback');
    this.pulseQuestions = collection('pulseQuestions');
    this.pulseRounds = collection('pulseRounds');
    this.pulseAnswers = collection('pulseAnswers');
    this.actions = collection('actions');
    this.plans = collection('plans');
    this.processed = collection('processed');
    this.outbox = collection('outbox');
    this.leases = collection('leases');
    this.sendSlots = collection('sendSlots');
    this.conversationSends = collection('conversationSends');
    this.replyHandles = collection('replyHandles');
    this.audit = collection('audit');
    this.profiles = collection('profiles');
    this.narrative = collection('narrative');
    this.consultations = collection('consultations');
    this.quotable = collection('quotable');
    this.answers = new AnswerTallies(this.pulseAnswers, new AnswerRollups(collection('answerRollups')), {
      staleMs: options.answerTallyStaleMs,
      isFreeText: (roundId) => this.roundIsFreeText(roundId),
    });
  }

  /** Connects, creating the database and any missing containers. */
  static async open(options: CosmosStoreOptions): Promise<CosmosStore> {
    const client = new CosmosClient({
      endpoint: options.endpoint,
      ...(options.key === null ? { aadCredentials: new DefaultAzureCredential() } : { key: options.key }),
      ...(options.agent ? { agent: options.agent } : {}),
    });
    try {
      const { database } = await client.databases.createIfNotExists({ id: options.database });
      return new CosmosStore(client, await CosmosStore.ensureContainers(database), options);
    } catch (error) {
      client.dispose();
      throw error;
    }
  }

  private static async ensureContainers(database: Database): Promise<Record<ContainerName, Container>> {
    const names = Object.keys(CONTAINERS) as ContainerName[];
    const containers = await Promise.all(
      names.map(async (name) => {
        const { container } = await database.containers.createIfNotExists({
          id: name,
          partitionKey: { paths: [`/${CONTAINERS[name]}`] },
          ...CONTAINER_SETTINGS[name],
        });
        return [name, container] as const;
      }),
    );
    return Object.fromEntries(containers) as Record<ContainerName, Container>;
  }

  async getOrCreateSetting(key: string, value: string): Promise<string> {
    const id = documentId(key);
    if (await this.settings.create(id, id, { key, value })) return value;
    return (await this.settings.read(id, id))!.value.value;
  }

  async takeSetting(key: string): Promise<string | null> {
    const id = documentId(key);
    const stored = await this.settings.read(id, id);
    if (!stored) return null;
    return (await this.settings.deleteIfPresent(id, id)) ? stored.value.value : null;
  }

  async getSetting(key: string): Promise<string | null> {
    const id = documentId(key);
    return (await this.settings.read(id, id))?.value.value ?? null;
  }

  async putSetting(key: string, value: string): Promise<void> {
    const id = documentId(key);
    await this.settings.upsert(id, id, { key, value });
  }

  async createNetwork(network: Network): Promise<void> {
    const id = documentId(network.id);
    if (!(await this.networks.create(id, id, network))) {
      throw new Error(`Network ${network.id} already exists`);
    }
  }

  async getNetwork(id: string): Promise<Network | null> {
    const docId = documentId(id);
    return (await this.networks.read(docId, docId))?.value ?? null;
  }

  async updateNetwork(network: Network): Promise<void> {
    const id = documentId(network.id);
    await this.networks.replaceIfExists(id, id, network);
  }

  async listNetworks(): Promise<Network[]> {
    const networks = await this.networks.queryAcrossPartitions<Network>('SELECT VALUE c.data FROM c');
    return networks.sort(byTimeThenKey((n) => n.createdAt, (n) => n.id));
  }

  async linkWorkspace(link: WorkspaceLink): Promise<void> {
    const id = documentId(`${link.platform}|${link.externalId}`);
    await this.workspaces.upsert(id, id, link);
  }

  async findWorkspace(platform: Platform, externalId: string): Promise<WorkspaceLink | null> {
    const id = documentId(`${platform}|${externalId}`);
    return (await this.workspaces.read(id, id))?.value ?? null;
  }

  async listWorkspaces(networkId: string): Promise<WorkspaceLink[]> {
    const links = await this.workspaces.queryAcrossPartitions<WorkspaceLink>(
      'SELECT VALUE c.data FROM c WHERE c.data.networkId = @networkId',
      [param('@networkId', networkId)],
    );
    const linkKey = (link: WorkspaceLink) => `${link.platform}|${link.externalId}`;
    return links.sort((a, b) => compareValues(linkKey(a), linkKey(b)));
  }

  async upsertMember(member: Member): Promise<void> {
    await this.members.upsert(documentId(member.id), member.networkId, member);
  }

  async getMember(networkId: string, id: string): Promise<Member | null> {
    return (await this.members.read(documentId(id), networkId))?.value ?? null;
  }

  async findMember(networkId: string, platform: Platform, platformUserId: string): Promise<Member | null> {
    const matches = await this.members.queryPartition<Member>(
      networkId,
      'VALUE c.data',
      'c.data.platform = @platform AND c.data.platformUserId = @platformUserId',
      [param('@platform', platform), param('@platformUserId', platformUserId)],
    );
    return matches.sort(byTimeThenKey((m) => m.createdAt, (m) => m.id))[0] ?? null;
  }

  async listMembers(networkId: string): Promise<Member[]> {
    const members = await this.members.queryPartition<Member>(networkId, 'VALUE c.data');
    return members.sort(byTimeThenKey((m) => m.createdAt, (m) => m.id));
  }

  async upsertForum(forum: Forum): Promise<void> {
    await this.forums.upsert(documentId(forum.id), forum.networkId, forum);
  }

  async getForum(networkId: string, id: string): Promise<Forum | null> {
    return (await this.forums.read(documentId(id), networkId))?.value ?? null;
  }

  async listForums(networkId: string): Promise<Forum[]> {
    const forums = await this.forums.queryPartition<Forum>(networkId, 'VALUE c.data');
    return forums.sort(byTimeThenKey((f) => f.createdAt, (f) => f.id));
  }

  private nextNumber(networkId: string, kind: CounterKind): Promise<number> {
    return untilSettled(`allocating a ${kind} number`, async () => {
      const counter = await this.counters.read(kind, networkId);
      if (!counter) return (await this.counters.create(kind, networkId, 1)) ? 1 : undefined;
      const next = counter.value + 1;
      return (await this.counters.replaceIfMatch(counter, next)) ? next : undefined;
    });
  }

  /** The number an idempotency key stands for, allocating and reserving one the first time. */
  private async numberFor(networkId: string, kind: CounterKind, key: string): Promise<number> {
    const id = documentId(`${kind}|${key}`);
    const seen = await this.idempotencyKeys.read(id, networkId);
    if (seen) return seen.value.number;
    const number = await this.nextNumber(networkId, kind);
    if (await this.idempotencyKeys.create(id, networkId, { kind, key, number })) return number;
    return (await this.idempotencyKeys.read(id, networkId))!.value.number;
  }

  private async createNumbered<T extends { networkId: string; number: number }>(
    collection: Collection<T>,
    kind: CounterKind,
    idempotencyKey: string,
    draft: Omit<T, 'number'>,
  ): Promise<Created<T>> {
    const number = await this.numberFor(draft.networkId, kind, idempotencyKey);
    const value = { ...draft, number } as T;
    if (await collection.create(String(number), draft.networkId, value)) return { value, created: true };
    const existing = await collection.read(String(number), draft.networkId);
    return { value: existing!.value, created: false };
  }

  async createFeedback(
    feedback: Omit<Feedback, 'number'>,
    idempotencyKey: string,
  ): Promise<Created<Feedback>> {
    assertAnonymousFeedbackHasNoAuthor(feedback);
    return this.createNumbered(this.feedback, 'feedback', idempotencyKey, feedback);
  }

  async getFeedback(networkId: string, number: number): Promise<Feedback | null> {
    return (await this.feedback.read(String(number), networkId))?.value ?? null;
  }

  async updateFeedback(feedback: Feedback): Promise<void> {
    assertAnonymousFeedbackHasNoAuthor(feedback);
    await this.feedback.replaceIfExists(String(feedback.number), feedback.networkId, feedback);
  }

  async updateFeedbackFrom(feedback: Feedback, from: readonly FeedbackStatus[]): Promise<boolean> {
    assertAnonymousFeedbackHasNoAuthor(feedback);
    return untilSettled(`updating feedback ${feedback.number}`, async () => {
      const stored = await this.feedback.read(String(feedback.number), feedback.networkId);
      if (!stored || !from.includes(stored.value.status)) return false;
      // A 412 means another write came first (perhaps another chair's reply): read again.
      return (await this.feedback.replaceIfMatch(stored, feedback)) || undefined;
    });
  }

  async listFeedback(networkId: string, since: string, until: string): Promise<Feedback[]> {
    const feedback = await this.feedback.queryPartition<Feedback>(
      networkId,
      'VALUE c.data',
      'c.data.createdAt >= @since AND c.data.createdAt < @until',
      [param('@since', since), param('@until', until)],
    );
    return feedback.sort(byTimeThenKey((f) => f.createdAt, (f) => f.number));
  }

  async createPulseQuestion(
    question: Omit<PulseQuestion, 'number'>,
    idempotencyKey: string,
  ): Promise<Created<PulseQuestion>> {
    return this.createNumbered(this.pulseQuestions, 'pulse', idempotencyKey, question);
  }

  async getPulseQuestion(networkId: string, number: number): Promise<PulseQuestion | null> {
    return (await this.pulseQuestions.read(String(number), networkId))?.value ?? null;
  }

  async listPulseQuestions(networkId: string): Promise<PulseQuestion[]> {
    const questions = await this.pulseQuestions.queryPartition<PulseQuestion>(networkId, 'VALUE c.data');
    return questions.sort((a, b) => a.number - b.number);
  }

  async createRound(round: PulseRound): Promise<void> {
    const id = documentId(round.id);
    if (!(await this.pulseRounds.create(id, id, round))) {
      throw new Error(`Round ${round.id} already exists`);
    }
    // Cut short here, the tally is made from the answers when it is first needed.
    const question = await this.getPulseQuestion(round.networkId, round.questionNumber);
    await this.answers.createTally(round.id, question?.kind === 'text');
  }

  /** Whether a round asks a free-text question; null when there is no such round. */
  private async roundIsFreeText(roundId: string): Promise<boolean | null> {
    const round = await this.getRound(roundId);
    if (!round) return null;
    return (await this.getPulseQuestion(round.networkId, round.questionNumber))?.kind === 'text';
  }

  async sealRound(id: string): Promise<boolean> {
    const docId = documentId(id);
    const sealed = await untilSettled<PulseRound | false>('seal a round', async () => {
      const stored = await this.pulseRounds.read(docId, docId);
      if (!stored || !stored.value.answerSalt) return false;
      const round = { ...stored.value, answerSalt: '' };
      return (await this.pulseRounds.replaceIfMatch(stored, round)) ? round : undefined;
    });
    if (!sealed) return false;
    // Nobody can be keyed to the round any more, so its counts are final: into its day's rollup.
    // Cut short here, the first summary that counts the round folds it in.
    await this.answers.rollUp(sealed);
    return true;
  }

  async getRound(id: string): Promise<PulseRound | null> {
    const docId = documentId(id);
    return (await this.pulseRounds.read(docId, docId))?.value ?? null;
  }

  async listRounds(networkId: string, since: string, until: string): Promise<PulseRound[]> {
    const rounds = await this.pulseRounds.queryAcrossPartitions<PulseRound>(
      `SELECT VALUE c.data FROM c
       WHERE c.data.networkId = @networkId AND c.data.opensAt >= @since AND c.data.opensAt < @until`,
      [param('@networkId', networkId), param('@since', since), param('@until', until)],
    );
    return rounds.sort(byTimeThenKey((r) => r.opensAt, (r) => r.id));
  }

  saveAnswer(answer: PulseAnswer): Promise<'created' | 'updated'> {
    return this.answers.save(answer);
  }

  async getAnswer(roundId: string, respondentKey: string): Promise<PulseAnswer | null> {
    return (await this.pulseAnswers.read(documentId(respondentKey), roundId))?.value ?? null;
  }

  async listAnswers(roundId: string): Promise<PulseAnswer[]> {
    // IS_DEFINED(c.data) leaves out the round's tally (answer-tally.ts).
    const answers = await this.pulseAnswers.queryPartition<PulseAnswer>(roundId, 'VALUE c.data', 'IS_DEFINED(c.data)');
    return answers.sort(byTimeThenKey((a) => a.answeredAt, (a) => a.respondentKey));
  }

  async createPlan(plan: Plan): Promise<void> {
    if (plan.state === 'current' && (await this.getCurrentPlan(plan.networkId))) {
      throw new Error(`Network ${plan.networkId} already has a current plan`);
    }
    if (!(await this.plans.create(documentId(plan.id), plan.networkId, plan))) {
      throw new Error(`Plan ${plan.id} already exists`);
    }
  }

  async getPlan(networkId: string, id: string): Promise<Plan | null> {
    return (await this.listPlans(networkId)).find((plan) => plan.id === id) ?? null;
  }

  async listPlans(networkId: string): Promise<Plan[]> {
    const plans = await this.plans.queryPartition<Plan>(networkId, 'VALUE c.data');
    if (plans.length === 0) {
      const legacy = await this.actions.queryPartition<Action>(networkId, 'VALUE c.data.action');
      if (legacy.length === 0) return [];
      const since = legacy.map((action) => action.updatedAt).sort()[0];
      const start = since.slice(0, 10);
      const end = new Date(Date.UTC(Number(start.slice(0, 4)) + 2, Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10))));
      const first: Plan = {
        networkId, id: LEGACY_PLAN_ID, name: 'Action plan', stage: 'stage-one', start,
        end: end.toISOString().slice(0, 10), state: 'current', createdAt: since, closedAt: null, ragAtClose: null,
      };
      await this.plans.create(documentId(first.id), networkId, first);
      return [first];
    }
    return plans.sort(byTimeThenKey((plan) => plan.createdAt, (plan) => plan.id));
  }

  async getCurrentPlan(networkId: string): Promise<Plan | null> {
    return (await this.listPlans(networkId)).find((plan) => plan.state === 'current') ?? null;
  }

  async updatePlan(plan: Plan): Promise<void> {
    await this.plans.upsert(documentId(plan.id), plan.networkId, plan);
  }

  /** The given plan, or the network's current plan; null when there is none. */
  private async planIdOrCurrent(networkId: string, planId: string | undefined): Promise<string | null> {
    return planId ?? (await this.getCurrentPlan(networkId))?.id ?? null;
  }

  async importActions(networkId: string, actions: Action[], updates: ActionUpdate[]): Promise<void> {
    const key = (planId: string, number: string) => `${planId}|${number}`;
    const imported = new Map(actions.map((action) => [key(action.planId, action.number), { ...action, networkId }]));
    const keys = new Map<string, { planId: string; number: string }>();
    for (const item of [...actions.map((a) => ({ planId: a.planId, number: a.number })), ...updates.map((u) => ({ planId: u.planId, number: u.actionNumber }))]) {
      keys.set(key(item.planId, item.number), item);
    }
    for (const [k, { planId, number }] of keys) {
      const history = updates
        .filter((update) => update.planId === planId && update.actionNumber === number)
        .map((update) => ({ ...update, networkId }));
      await this.writeAction(networkId, planId, number, imported.get(k), history);
    }
  }

  /** Creates or replaces one action (keeping its history) and appends `history`. */
  private writeAction(
    networkId: string,
    planId: string,
    number: string,
    action: Action | undefined,
    history: ActionUpdate[],
  ): Promise<true> {
    const id = actionDocumentId(planId, number);
    return untilSettled(`importing action ${number}`, async () => {
      const stored = await this.actions.read(id, networkId);
      if (!stored) {
        if (!action) throw new Error(`Cannot add history to unknown action ${number}`);
        return (await this.actions.create(id, networkId, { action, history })) || undefined;
      }
      const record = {
        action: action ?? stored.value.action,
        history: [...stored.value.history, ...history],
      };
      return (await this.actions.replaceIfMatch(stored, record)) || undefined;
    });
  }

  async removeActions(networkId: string, planId: string, numbers: string[]): Promise<void> {
    await inBatches(numbers, PARALLEL_WRITES, (number) => this.actions.delete(actionDocumentId(planId, number), networkId));
  }

  async listActions(networkId: string, planId?: string): Promise<Action[]> {
    const plan = await this.planIdOrCurrent(networkId, planId);
    if (plan === null) return [];
    const actions = (await this.actions.queryPartition<Action>(networkId, 'VALUE c.data.action')).map(withPlanFields);
    return actions.filter((action) => action.planId === plan).sort((a, b) => compareActionNumbers(a.number, b.number));
  }

  async getAction(networkId: string, number: string, planId?: string): Promise<Action | null> {
    const plan = await this.planIdOrCurrent(networkId, planId);
    if (plan === null) return null;
    const action = (await this.actions.read(actionDocumentId(plan, number), networkId))?.value.action;
    return action ? withPlanFields(action) : null;
  }

  async updateAction(action: Action, expectedVersion: number, update: ActionUpdate): Promise<boolean> {
    const id = actionDocumentId(action.planId, action.number);
    return untilSettled(`updating action ${action.number}`, async () => {
      const stored = await this.actions.read(id, action.networkId);
      if (!stored || stored.value.action.version !== expectedVersion) return false;
      const record = { action, history: [...stored.value.history, update] };
      // A 412 may come from an unrelated write (an import appending history): read again.
      return (await this.actions.replaceIfMatch(stored, record)) || undefined;
    });
  }

  async listActionUpdates(networkId: string, number: string, planId?: string): Promise<ActionUpdate[]> {
    const plan = await this.planIdOrCurrent(networkId, planId);
    if (plan === null) return [];
    return ((await this.actions.read(actionDocumentId(plan, number), networkId))?.value.history ?? []).map(withPlanId);
  }

  async listActionUpdatesInPeriod(networkId: string, since: string, until: string): Promise<ActionUpdate[]> {
    const histories = await this.actions.queryPartition<ActionUpdate[]>(networkId, 'VALUE c.data.history');
    return histories
      .flat()
      .map(withPlanId)
      .filter((update) => update.at >= since && update.at < until)
      .sort((a, b) => compareValues(a.at, b.at));
  }

  countAnswers(rounds: readonly CountedRound[]): Promise<AnswerCount[]> {
    // Sealed rounds from one rollup per day of closing, the others from their tallies (answer-tally.ts).
    return this.answers.count(rounds);
  }

  async countFeedback(networkId: string, since: string, until: string): Promise<FeedbackCount[]> {
    const feedback = await this.feedback.queryPartition<Omit<FeedbackCount, 'count'>>(
      networkId,
      `c.data.theme AS theme, c.data.status AS status, c.data.platform AS platform,
       c.data.linkedAction AS linkedAction`,
      'c.data.createdAt >= @since AND c.data.createdAt < @until',
      [param('@since', since), param('@until', until)],
    );
    return countBy(feedback, (item) => item);
  }

  async saveReplyHandle(networkId: string, feedbackNumber: number, sealed: string): Promise<void> {
    await this.replyHandles.create(String(feedbackNumber), networkId, { feedbackNumber, sealed });
  }

  async getReplyHandle(networkId: string, feedbackNumber: number): Promise<string | null> {
    return (await this.replyHandles.read(String(feedbackNumber), networkId))?.value.sealed ?? null;
  }

  async markProcessed(key: string, at: string): Promise<boolean> {
    const id = documentId(key);
    return this.processed.create(id, id, { key, at });
  }

  async pruneProcessed(before: string): Promise<number> {
    const ids = await this.processed.queryAcrossPartitions<string>(
      'SELECT VALUE c.id FROM c WHERE c.data.at < @before',
      [param('@before', before)],
    );
    await inBatches(ids, PARALLEL_WRITES, (id) => this.processed.delete(id, id));
    return ids.length;
  }

  async enqueueDeliveries(deliveries: Delivery[]): Promise<number> {
    const added = await inBatches(deliveries, PARALLEL_WRITES, (delivery) =>
      this.outbox.create(documentId(delivery.id), delivery.jobKey, delivery),
    );
    return added.filter(Boolean).length;
  }

  async claimDeliveries(holder: string, now: string, until: string, limit: number): Promise<Delivery[]> {
    const claimed: Delivery[] = [];
    for (let round = 0; round < MAX_CLAIM_ROUNDS && claimed.length < limit; round++) {
      const wanted = limit - claimed.length;
      const candidates = await this.claimableDeliveries(now, wanted);
      for (const candidate of candidates) {
        const delivery: Delivery = { ...candidate.value, claimedBy: holder, claimedUntil: until };
        if (await this.outbox.replaceIfMatch(candidate, delivery)) claimed.push(delivery);
      }
      // Fewer candidates than wanted means there are no more; otherwise, having lost some
      // races, look again: the deliveries others took no longer match.
      if (candidates.length < wanted) break;
    }
    return claimed;
  }

  private claimableDeliveries(now: string, count: number): Promise<Stored<Delivery>[]> {
    return this.outbox.queryStored(
      `SELECT TOP @count * FROM c
       WHERE c.data.state = 'pending' AND c.data.notBefore <= @now
         AND (IS_NULL(c.data.claimedUntil) OR c.data.claimedUntil <= @now)
       ORDER BY c.data.notBefore`,
      [param('@count', count), param('@now', now)],
    );
  }

  async finishDelivery(delivery: Delivery): Promise<void> {
    await this.outbox.replaceIfExists(documentId(delivery.id), delivery.jobKey, delivery);
  }

  async listDeliveries(jobKey: string): Promise<Delivery[]> {
    const deliveries = await this.outbox.queryPartition<Delivery>(jobKey, 'VALUE c.data');
    return deliveries.sort(byTimeThenKey((d) => d.createdAt, (d) => d.id));
  }

  async reserveSendSlots(name: string, count: number, intervalMs: number, notBeforeMs: number): Promise<number> {
    const id = documentId(name);
    return this.updateBudget(this.sendSlots, id, (current) => {
      const first = Math.max(notBeforeMs, current?.nextMs ?? notBeforeMs);
      return { value: { nextMs: first + count * intervalMs }, result: first };
    });
  }

  async reserveConversationSend(key: string, windows: readonly RateWindow[], atMs: number): Promise<number> {
    const keepMs = longestWindowMs(windows);
    const allowed = await this.updateBudget(this.conversationSends, documentId(key), (current) => {
      const sent = (current?.sent ?? []).filter((t) => t > atMs - keepMs);
      const earliest = earliestWithin(windows, sent, atMs);
      if (earliest !== atMs) return { value: null, result: earliest };
      sent.push(atMs);
      return { value: { sent, keepUntil: Math.max(...sent) + keepMs }, result: atMs };
    });
    if (++this.conversationSendCount % FORGET_SENDS_EVERY === 0) {
      const ids = await this.conversationSends.queryAcrossPartitions<string>('SELECT VALUE c.id FROM c WHERE c.data.keepUntil < @now', [param('@now', atMs)]);
      await inBatches(ids, PARALLEL_WRITES, (id) => this.conversationSends.delete(id, id));
    }
    return allowed;
  }

  /**
   * Read, decide, write with the etag read (or create): retried when another instance wrote
   * first, so every decision is made on the latest document. `decide` returns null to write
   * nothing.
   */
  private async updateBudget<T, R>(collection: Collection<T>, id: string, decide: (current: T | null) => { value: T | null; result: R }): Promise<R> {
    for (let attempt = 0; attempt < BUDGET_ATTEMPTS; attempt++) {
      const current = await collection.read(id, id);
      const { value, result } = decide(current?.value ?? null);
      if (value === null) return result;
      if (current ? await collection.replaceIfMatch(current, value) : await collection.create(id, id, value)) return result;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
    }
    throw new Error(`The send budget ${id} is too contended: ${BUDGET_ATTEMPTS} conditional writes lost in a row`);
  }

  async acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const id = documentId(name);
    const lease: Lease = { name, holder, until };
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.leases.read(id, id);
      if (!current) {
        if (await this.leases.create(id, id, lease)) return true;
        continue;
      }
      if (current.value.holder !== holder && current.value.until > now) return false;
      if (await this.leases.replaceIfMatch(current, lease)) return true;
    }
    return false;
  }

  /** Rewrites each stored document `change` returns a new value for, re-reading on a lost race. */
  private async rewrite<T>(collection: Collection<T>, documents: Stored<T>[], change: (value: T) => T | null): Promise<number> {
    const changed = await inBatches(documents, PARALLEL_WRITES, async (first) => {
      let stored: Stored<T> | null = first;
      return untilSettled('anonymising a record', async () => {
        if (!stored) return false;
        const next = change(stored.value);
        if (next === null) return false;
        if (await collection.replaceIfMatch(stored, next)) return true;
        stored = await collection.read(stored.id, stored.partition);
        return undefined;
      });
    });
    return changed.filter(Boolean).length;
  }

  async forgetMember(networkId: string, memberId: string): Promise<ForgetCounts> {
    const named = await this.feedback.queryStored(
      'SELECT * FROM c WHERE c.networkId = @networkId AND c.data.authorMemberId = @memberId',
      [param('@networkId', networkId), param('@memberId', memberId)],
    );
    await inBatches(named, PARALLEL_WRITES, (f) => this.replyHandles.delete(String(f.value.number), networkId));
    const feedback = await this.rewrite(this.feedback, named, (f) =>
      f.authorMemberId === memberId ? { ...f, authorMemberId: null, anonymous: true } : null,
    );
    // Answers are partitioned by round; a member id is derived from its network, so it names one person.
    const answered = await this.pulseAnswers.queryStored('SELECT * FROM c WHERE c.data.memberId = @memberId', [param('@memberId', memberId)]);
    const answers = await this.rewrite(this.pulseAnswers, answered, (a) => (a.memberId === memberId ? { ...a, memberId: null } : null));
    const actions = await this.actions.queryStored('SELECT * FROM c WHERE c.networkId = @networkId', [param('@networkId', networkId)]);
    let actionUpdates = 0;
    await this.rewrite(this.actions, actions, (record) => {
      const mine = record.history.filter((h) => h.by === memberId).length;
      if (mine === 0) return null;
      actionUpdates += mine;
      return { ...record, history: record.history.map((h) => (h.by === memberId ? { ...h, by: FORGOTTEN, byName: '' } : h)) };
    });
    const acts = await this.audit.queryStored(
      'SELECT * FROM c WHERE c.networkId = @networkId AND c.data.actorId = @memberId',
      [param('@networkId', networkId), param('@memberId', memberId)],
    );
    await this.rewrite(this.audit, acts, (e) => (e.actorId === memberId ? { ...e, actorId: FORGOTTEN, actorName: '' } : null));
    const queued = await this.outbox.queryStored(
      'SELECT * FROM c WHERE c.data.networkId = @networkId AND c.data.recipientKey = @memberId',
      [param('@networkId', networkId), param('@memberId', memberId)],
    );
    await inBatches(queued, PARALLEL_WRITES, (d) => this.outbox.delete(d.id, d.partition));
    await this.members.delete(documentId(memberId), networkId);
    return { feedback, answers, actionUpdates };
  }

  async listAnswersByMember(networkId: string, memberId: string): Promise<PulseAnswer[]> {
    const rounds = new Set(
      await this.pulseRounds.queryAcrossPartitions<string>('SELECT VALUE c.data.id FROM c WHERE c.data.networkId = @networkId', [param('@networkId', networkId)]),
    );
    const answers = await this.pulseAnswers.queryAcrossPartitions<PulseAnswer>('SELECT VALUE c.data FROM c WHERE c.data.memberId = @memberId', [param('@memberId', memberId)]);
    return answers.filter((a) => rounds.has(a.roundId)).sort(byTimeThenKey((a) => a.answeredAt, (a) => a.roundId)).reverse();
  }

  async deleteExpired(networkId: string, feedbackBefore: string | null, answersBefore: string | null): Promise<ExpiredCounts> {
    let feedback = 0;
    let answers = 0;
    if (feedbackBefore !== null) {
      const numbers = await this.feedback.queryPartition<number>(networkId, 'VALUE c.data["number"]', 'c.data.createdAt < @before', [param('@before', feedbackBefore)]);
      await inBatches(numbers, PARALLEL_WRITES, async (number) => {
        await this.replyHandles.delete(String(number), networkId);
        await this.feedback.delete(String(number), networkId);
      });
      feedback = numbers.length;
    }
    if (answersBefore !== null) {
      const rounds = await this.pulseRounds.queryAcrossPartitions<CountedRound>(
        `SELECT c.data.id AS id, c.data.networkId AS networkId, c.data.closesAt AS closesAt, c.data.answerSalt AS answerSalt FROM c
         WHERE c.data.networkId = @networkId AND c.data.closesAt < @before`,
        [param('@networkId', networkId), param('@before', answersBefore)],
      );
      const expired = await inBatches(rounds, PARALLEL_WRITES, async ({ id: roundId }) => {
        const ids = await this.answers.answerIds(roundId);
        await inBatches(ids, PARALLEL_WRITES, (id) => this.pulseAnswers.delete(id, roundId));
        // Emptied after its answers are gone, the round's tally never counts fewer than remain.
        await this.answers.emptyTally(roundId, ids.length > 0);
        return ids.length;
      });
      // Last, so that a fold that read a tally before it was emptied cannot bring its counts back
      // (answer-rollup.ts); a sweep cut short before this is finished by the next one.
      await this.answers.emptyRollups(rounds);
      answers = expired.reduce((sum, n) => sum + n, 0);
    }
    return { feedback, answers };
  }

  async getInstitutionProfile(networkId: string): Promise<InstitutionProfile | null> {
    return (await this.profiles.read('profile', networkId))?.value ?? null;
  }

  async saveInstitutionProfile(profile: InstitutionProfile): Promise<void> {
    await this.profiles.upsert('profile', profile.networkId, profile);
  }

  async saveNarrativeSection(section: NarrativeSection): Promise<void> {
    await this.narrative.upsert(documentId(`${section.planId}|${section.section}`), section.networkId, section);
  }

  async listNarrativeSections(networkId: string, planId: string): Promise<NarrativeSection[]> {
    return this.narrative.queryPartition<NarrativeSection>(networkId, 'VALUE c.data', 'c.data.planId = @planId', [param('@planId', planId)]);
  }

  async addConsultation(consultation: Consultation): Promise<Created<Consultation>> {
    const id = documentId(consultation.id);
    if (await this.consultations.create(id, consultation.networkId, consultation)) return { value: consultation, created: true };
    return { value: (await this.consultations.read(id, consultation.networkId))!.value, created: false };
  }

  async listConsultations(networkId: string): Promise<Consultation[]> {
    const all = await this.consultations.queryPartition<Consultation>(networkId, 'VALUE c.data');
    return all.sort(byTimeThenKey((c) => c.heldOn, (c) => c.id));
  }

  async setQuotable(networkId: string, feedbackNumber: number, quotable: boolean): Promise<void> {
    if (quotable) await this.quotable.upsert(String(feedbackNumber), networkId, { feedbackNumber });
    else await this.quotable.delete(String(feedbackNumber), networkId);
  }

  async listQuotable(networkId: string): Promise<number[]> {
    const marks = await this.quotable.queryPartition<{ feedbackNumber: number }>(networkId, 'VALUE c.data');
    return marks.map((m) => m.feedbackNumber).sort((a, b) => a - b);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.audit.create(documentId(`${entry.at}|${randomUUID()}`), entry.networkId, entry);
  }

  async listAudit(networkId: string, since: string, until: string): Promise<AuditEntry[]> {
    const entries = await this.audit.queryPartition<AuditEntry>(networkId, 'VALUE c.data', 'c.data.at >= @since AND c.data.at < @until', [
      param('@since', since),
      param('@until', until),
    ]);
    return entries.sort((a, b) => compareValues(a.at, b.at));
  }

  async close(): Promise<void> {
    this.client.dispose();
  }
}
