/**
 * Per-round answer counts on Cosmos DB, kept beside the answers so that a summary reads one
 * document per round instead of every answer (docs/storage.md, "Answer counts").
 *
 * Each round's partition of `pulseAnswers` holds, besides one document per answer, one tally
 * document: the counts per platform and value, and the answer writes in flight. Cosmos DB has
 * no transaction across two documents here (the local server has no transactional batch), so
 * a save reads the answer (is it a change, and what was it counted as?) and then takes three
 * single-document steps, each atomic on its own:
 *
 * 1. **Announce**: a conditional patch adds a pending entry to the tally, in the answer's slot
 *    (one per respondent): a random write id, the count key before (`from`, null for a new
 *    answer) and after (`to`), and the time. The patch's condition (the slot is free) makes
 *    writes of one answer take turns; writes of different answers never wait for each other.
 * 2. **Write** the answer, stamped with the write id: a create for a new answer, or a replace
 *    on the etag that `from` was read with. If either finds the answer changed meanwhile, the
 *    entry is withdrawn and the save starts again from a fresh read.
 * 3. **Settle**: one conditional patch (the entry is still this write's) moves the count from
 *    `from` to `to` and removes the entry, so a count is moved exactly once.
 *
 * A crash can stop a save between any two steps, and then the entry stays. The answer says
 * what became of it: if it carries the entry's write id, the write landed and anyone may
 * settle the entry (a reader in memory, a later writer of the same answer for good); if not,
 * the write never landed, and the entry is dropped once it is older than `staleMs`. A writer
 * whose announce took more than a third of `staleMs` withdraws and starts again, so that no
 * write can land after its entry was dropped. Readers are exact while writes are in flight or
 * cut short; they write only to settle or drop entries older than `staleMs`.
 *
 * Why not the simpler etag-checked replace of the tally after the answer: a crash between the
 * two would lose the count for good (and replaced first, count an answer never written), and
 * every answer of a busy round would retry on every other one. Patches are applied atomically
 * by the server, so answers of different people never conflict.
 *
 * Counts of free-text answers are kept under the value '': their text stays in the answers.
 * A round whose tally is missing (its answers predate tallies, or its creation was cut short)
 * gets one counted from its answers the first time it is needed.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Container, PatchOperation } from '@azure/cosmos';
import type { Platform, PulseAnswer } from '../../core/model';
import { type AnswerCount, type CountedRound, RoundClosedError } from '../../core/store';
import type { AnswerRollups } from './answer-rollup';
import { type Collection, cosmosStatus, documentId, type Stored, untilSettled } from './collection';

const HTTP_NOT_FOUND = 404;
const HTTP_CONFLICT = 409;
const HTTP_PRECONDITION_FAILED = 412;

/** Entries older than this were left by a crash: whoever meets one settles or drops it. */
export const DEFAULT_STALE_MS = 5 * 60_000;

/** One answer write in flight: see the steps above. */
export interface PendingWrite {
  /** The answer document's id. */
  doc: string;
  /** Random id of the write, stamped on the answer it stores. */
  write: string;
  /** Count key the answer was counted under before this write; null for a new answer. */
  from: string | null;
  to: string;
  /** Epoch milliseconds of the announce, by the writer's clock. */
  at: number;
}

export interface Tally {
  /** Whether the round asks a free-text question, whose answers are counted under ''. */
  freeText: boolean;
  /** Count key (platform and value) → answers. */
  counts: Record<string, number>;
  /** Slot (one per answer) → the write in flight. */
  pending: Record<string, PendingWrite>;
  /**
   * Set once the round is sealed: no write may be announced any more, so once the writes in
   * flight have settled the counts are final and the round is folded into its rollup.
   */
  closed?: true;
}

interface TallyDocument {
  id: string;
  roundId: string;
  tally: Tally;
  _etag?: string;
}

/**
 * The tally's id: one per round, never an answer's (answer ids never contain '~'), and unique
 * across rounds (the local server checks patch conditions by id alone).
 */
export function tallyId(roundId: string): string {
  return `~tally|${documentId(roundId)}`;
}

/** A count key: platform, then the value in base64url, so that it is a safe JSON-pointer segment. */
export function countKey(platform: Platform, value: string, freeText: boolean): string {
  return `${platform}:${Buffer.from(freeText ? '' : value, 'utf8').toString('base64url')}`;
}

function parseCountKey(key: string): { platform: Platform; value: string } {
  const colon = key.indexOf(':');
  return { platform: key.slice(0, colon) as Platform, value: Buffer.from(key.slice(colon + 1), 'base64url').toString('utf8') };
}

/**
 * An answer's slot in the tally's pending writes: lower-case hex, because the local server
 * lower-cases patch conditions before it evaluates them.
 */
export function slotOf(doc: string): string {
  return `s${createHash('sha256').update(doc).digest('hex').slice(0, 40)}`;
}

/** A tally counting `answers`, as a new round's (none) or a recount makes it. */
export function tallyOf(answers: Pick<PulseAnswer, 'value' | 'platform'>[], freeText: boolean): Tally {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = countKey(answer.platform, answer.value, freeText);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return { freeText, counts, pending: {} };
}

/** The document that holds `tally` for a round, as written (the benchmark seeds these too). */
export function tallyDocument(roundId: string, tally: Tally): { id: string; roundId: string; tally: Tally } {
  return { id: tallyId(roundId), roundId, tally };
}

function moveCount(counts: Record<string, number>, from: string | null, to: string): void {
  if (from === to) return;
  counts[to] = (counts[to] ?? 0) + 1;
  if (from !== null) counts[from] = (counts[from] ?? 0) - 1;
}

/** Runs a request and gives its outcome as a status: 200, or the 404, 409 or 412 it failed with. */
async function statusOf(request: () => Promise<unknown>): Promise<number> {
  try {
    await request();
    return 200;
  } catch (error) {
    const status = cosmosStatus(error);
    if (status === HTTP_NOT_FOUND || status === HTTP_CONFLICT || status === HTTP_PRECONDITION_FAILED) return status;
    throw error;
  }
}

export interface AnswerTallyOptions {
  staleMs?: number;
  /** How many tally reads or repairs run at once. */
  parallel?: number;
  /** Whether the round's question is free text (read when a round's tally is first made); null when there is no such round. */
  isFreeText(roundId: string): Promise<boolean | null>;
}

/**
 * Answers and their per-round tallies in the `pulseAnswers` container (partitioned by round).
 * An answer document carries, beside its value, `write`: the id of the save that stored it
 * (absent on answers older than tallies).
 */
export class AnswerTallies {
  private readonly staleMs: number;
  private readonly parallel: number;
  private readonly container: Container;
  /** Round → free text or not: it never changes, and every save needs it. */
  private readonly freeText = new Map<string, boolean>();

  constructor(
    private readonly answers: Collection<PulseAnswer>,
    private readonly rollups: AnswerRollups,
    private readonly options: AnswerTallyOptions,
  ) {
    this.container = answers.container;
    this.staleMs = options.staleMs ?? DEFAULT_STALE_MS;
    this.parallel = options.parallel ?? 64;
  }

  /** Makes a new round's (empty) tally; a round that already has one keeps it. */
  async createTally(roundId: string, freeText: boolean): Promise<void> {
    this.rememberFreeText(roundId, freeText);
    await statusOf(() => this.container.items.create(tallyDocument(roundId, tallyOf([], freeText))));
  }

  /** Stores or replaces an answer and moves its count: the three steps at the top of this file. */
  async save(answer: PulseAnswer): Promise<'created' | 'updated'> {
    const doc = documentId(answer.respondentKey);
    const slot = slotOf(doc);
    const freeText = await this.isFreeText(answer.roundId);
    const to = countKey(answer.platform, answer.value, freeText);
    return untilSettled(`saving an answer to round ${answer.roundId}`, async () => {
      // A point read first (1 RU) tells a change from a first answer, and what it was counted as.
      const existing = await this.answers.read(doc, answer.roundId);
      const from = existing ? countKey(existing.value.platform, existing.value.value, freeText) : null;
      const pending: PendingWrite = { doc, write: randomUUID(), from, to, at: Date.now() };
      if (!(await this.announce(answer.roundId, slot, pending))) return undefined;
      const inTime = Date.now() - pending.at <= this.staleMs / 3;
      const stamp = { write: pending.write };
      const written = inTime && (existing ? await this.replaceAnswer(existing, answer, stamp) : await this.answers.create(doc, answer.roundId, answer, stamp));
      if (!written) {
        // Too slow to write safely, or someone else's write came between the read and this one.
        await this.withdraw(answer.roundId, slot, pending);
        return undefined;
      }
      await this.settle(answer.roundId, slot, pending);
      return existing ? 'updated' : 'created';
    });
  }

  /** Replaces an answer on its etag; false if another write came first (a change, or a delete: 404). */
  private async replaceAnswer(existing: Stored<PulseAnswer>, answer: PulseAnswer, stamp: { write: string }): Promise<boolean> {
    try {
      return await this.answers.replaceIfMatch(existing, answer, { ...existing.extra, ...stamp });
    } catch (error) {
      if (cosmosStatus(error) === HTTP_NOT_FOUND) return false;
      throw error;
    }
  }

  /**
   * Counts of the given rounds: sealed rounds from their rollups (one read per network and day
   * of closing), the others from their tallies (one read per round). Writes in flight are
   * counted if their answer has landed (one more read each); tallies left by a crash are
   * repaired, and a sealed round found in no rollup (sealed before rollups, or its fold cut
   * short) is folded in.
   */
  async count(rounds: readonly CountedRound[]): Promise<AnswerCount[]> {
    const unique = [...new Map(rounds.map((round) => [round.id, round])).values()];
    const counts: AnswerCount[] = [];
    const add = (roundId: string, tally: Record<string, number>) => {
      for (const [key, count] of Object.entries(tally)) {
        if (count > 0) counts.push({ roundId, ...parseCountKey(key), count });
      }
    };
    const rolledUp = await this.rollups.read(unique);
    for (const [roundId, tally] of rolledUp) add(roundId, tally);
    const rest = unique.filter((round) => !rolledUp.has(round.id));
    const tallies = await this.readTallies(rest.map((round) => round.id));
    const folds: { round: CountedRound; counts: Record<string, number> }[] = [];
    for (let start = 0; start < rest.length; start += this.parallel) {
      const chunk = rest.slice(start, start + this.parallel);
      const settled = await Promise.all(
        chunk.map(async (round) => {
          const document = tallies.get(round.id) ?? null;
          const tally = await this.settledCounts(round.id, document);
          if (round.answerSalt === '' && document) {
            const final = await this.finalTally(round.id, document.tally);
            if (final) folds.push({ round, counts: final.counts });
          }
          return tally;
        }),
      );
      chunk.forEach((round, i) => add(round.id, settled[i]));
    }
    // The counts above are right without it: a fold that fails is tried again by the next read.
    if (folds.length > 0) await this.rollups.fold(folds).catch(() => undefined);
    return counts;
  }

  /**
   * Closes a sealed round's tally to writes and folds its counts into the round's rollup, once
   * no write is in flight (a write announced before the seal is settled first; the next read
   * of the round folds it then).
   */
  async rollUp(round: CountedRound): Promise<void> {
    const final = await this.finalTally(round.id);
    if (final) await this.rollups.fold([{ round, counts: final.counts }]);
  }

  /** A sealed round's tally once closed (`known` if it is), or null while a write is in flight. */
  private async finalTally(roundId: string, known?: Tally): Promise<Tally | null> {
    const tally = known?.closed ? known : await this.close(roundId);
    return Object.keys(tally.pending).length > 0 ? null : tally;
  }

  /** Marks a round's tally closed (making it from the answers if it is missing); the tally as it then stands. */
  private async close(roundId: string): Promise<Tally> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { resource } = await this.container.item(tallyId(roundId), roundId).patch<TallyDocument>([{ op: 'set', path: '/tally/closed', value: true }]);
        return resource!.tally;
      } catch (error) {
        // Missing twice means someone deletes it as fast as it is made.
        if (cosmosStatus(error) !== HTTP_NOT_FOUND || attempt > 0) throw error;
        await this.recountTally(roundId, true);
      }
    }
  }

  /**
   * Empties a round's tally once its answers are deleted (it keeps whether the round is free
   * text); a tally already empty is not written again.
   */
  async emptyTally(roundId: string, answersDeleted: boolean): Promise<void> {
    const tally = await this.readTally(roundId);
    const empty = tally === null || (Object.values(tally.tally.counts).every((n) => n === 0) && Object.keys(tally.tally.pending).length === 0);
    if (!answersDeleted && empty) return;
    const freeText = tally?.tally.freeText ?? (await this.isFreeText(roundId));
    // A closed tally stays closed: its round is sealed.
    await this.container.items.upsert(tallyDocument(roundId, { ...tallyOf([], freeText), ...(tally?.tally.closed ? { closed: true as const } : {}) }));
  }

  /** Sets the rollup entries of sealed rounds whose answers retention deleted to no answers. */
  emptyRollups(rounds: readonly CountedRound[]): Promise<void> {
    return this.rollups.empty(rounds);
  }

  /** Ids of a round's answer documents (not its tally). */
  answerIds(roundId: string): Promise<string[]> {
    return this.answers.queryPartition<string>(roundId, 'VALUE c.id', 'IS_DEFINED(c.data)');
  }

  private async isFreeText(roundId: string): Promise<boolean> {
    return (await this.roundKind(roundId)) ?? false;
  }

  /** Whether a round's answers are free text, or null when there is no such round (nor tally). */
  private async roundKind(roundId: string): Promise<boolean | null> {
    const known = this.freeText.get(roundId);
    if (known !== undefined) return known;
    const tally = await this.readTally(roundId);
    const freeText = tally ? tally.tally.freeText : await this.options.isFreeText(roundId);
    if (freeText !== null) this.rememberFreeText(roundId, freeText);
    return freeText;
  }

  private rememberFreeText(roundId: string, freeText: boolean): void {
    if (this.freeText.size >= 10_000) this.freeText.clear();
    this.freeText.set(roundId, freeText);
  }

  /**
   * Step 1. False when the slot is taken (after clearing it if its entry is stale) or the tally
   * had to be made first; a RoundClosedError once the round is sealed.
   */
  private async announce(roundId: string, slot: string, pending: PendingWrite): Promise<boolean> {
    const status = await this.patchTally(roundId, `FROM c WHERE NOT IS_DEFINED(c.tally.pending["${slot}"]) AND NOT IS_DEFINED(c.tally.closed)`, [
      { op: 'set', path: `/tally/pending/${slot}`, value: pending },
    ]);
    if (status === 200) return true;
    if (status === HTTP_NOT_FOUND) await this.recountTally(roundId, true);
    else {
      const tally = await this.readTally(roundId);
      if (tally?.tally.closed) throw new RoundClosedError(roundId);
      // Another write of this answer is in flight. Once its answer has landed anyone may settle
      // it (only one settle can match it); one that never landed is dropped once stale.
      const holder = tally?.tally.pending[slot];
      if (holder) await this.resolve(roundId, slot, holder);
    }
    return false;
  }

  /** Step 3: moves the count and removes the entry, if the entry is still this write's. */
  private async settle(roundId: string, slot: string, pending: PendingWrite): Promise<void> {
    // A 412 means whoever found the entry stale settled it already (this write had landed).
    await this.patchTally(roundId, this.isStillMine(slot, pending), [...this.countMove(pending.from, pending.to), { op: 'remove', path: `/tally/pending/${slot}` }]);
  }

  private async withdraw(roundId: string, slot: string, pending: PendingWrite): Promise<void> {
    await this.patchTally(roundId, this.isStillMine(slot, pending), [{ op: 'remove', path: `/tally/pending/${slot}` }]);
  }

  private isStillMine(slot: string, pending: PendingWrite): string {
    return `FROM c WHERE c.tally.pending["${slot}"].write = "${pending.write}"`;
  }

  private countMove(from: string | null, to: string): PatchOperation[] {
    if (from === to) return [];
    return [{ op: 'incr', path: `/tally/counts/${to}`, value: 1 }, ...(from === null ? [] : [{ op: 'incr', path: `/tally/counts/${from}`, value: -1 } as const])];
  }

  private isStale(pending: PendingWrite): boolean {
    return Date.now() - pending.at > this.staleMs;
  }

  /** Whether the write behind an entry stored its answer: the answer carries its write id. */
  private async landed(roundId: string, pending: PendingWrite): Promise<boolean> {
    return (await this.answers.read(pending.doc, roundId))?.extra.write === pending.write;
  }

  /**
   * Settles someone's write in flight whose answer has landed (its writer may have crashed
   * before settling), or drops one that has not landed once it is stale. True if it landed.
   */
  private async resolve(roundId: string, slot: string, pending: PendingWrite): Promise<boolean> {
    const landed = await this.landed(roundId, pending);
    if (landed) await this.patchTally(roundId, this.isStillMine(slot, pending), [...this.countMove(pending.from, pending.to), { op: 'remove', path: `/tally/pending/${slot}` }]);
    else if (this.isStale(pending)) await this.withdraw(roundId, slot, pending);
    return landed;
  }

  /**
   * A tally's counts with its writes in flight applied as they stand. Readers write only to
   * repair: entries older than `staleMs` are settled or dropped.
   */
  private async settledCounts(roundId: string, document: TallyDocument | null): Promise<Record<string, number>> {
    const tally = document?.tally ?? (await this.recountTally(roundId, false));
    const counts = { ...tally.counts };
    for (const [slot, pending] of Object.entries(tally.pending)) {
      const landed = this.isStale(pending) ? await this.resolve(roundId, slot, pending) : await this.landed(roundId, pending);
      if (landed) moveCount(counts, pending.from, pending.to);
    }
    return counts;
  }

  /**
   * Makes a round's missing tally by counting its answers (writers wait for it: they announce
   * first). A reader asking about a round that does not exist and has no answers leaves nothing.
   */
  private async recountTally(roundId: string, forWriter: boolean): Promise<Tally> {
    const kind = await this.roundKind(roundId);
    const answers = await this.answers.queryPartition<{ answer: string; platform: Platform }>(
      roundId,
      'c.data["value"] AS answer, c.data.platform AS platform',
      'IS_DEFINED(c.data)',
    );
    const tally = tallyOf(answers.map(({ answer, platform }) => ({ value: answer, platform })), kind ?? false);
    if (!forWriter && kind === null && answers.length === 0) return tally;
    if ((await statusOf(() => this.container.items.create(tallyDocument(roundId, tally)))) === HTTP_CONFLICT) {
      // Someone else made it first, and writes may have moved it since.
      const made = await this.readTally(roundId);
      if (made) return made.tally;
    }
    return tally;
  }

  private async readTally(roundId: string): Promise<TallyDocument | null> {
    const { resource } = await this.container.item(tallyId(roundId), roundId).read<TallyDocument>();
    return resource ?? null;
  }

  /**
   * Reads many rounds' tallies, `parallel` point reads at a time (the SDK's bulk reads wait up
   * to a second to fill a batch, too long for a summary).
   */
  private async readTallies(roundIds: string[]): Promise<Map<string, TallyDocument>> {
    const found = new Map<string, TallyDocument>();
    for (let start = 0; start < roundIds.length; start += this.parallel) {
      const chunk = roundIds.slice(start, start + this.parallel);
      const tallies = await Promise.all(chunk.map((roundId) => this.readTally(roundId)));
      tallies.forEach((tally, i) => {
        if (tally) found.set(chunk[i], tally);
      });
    }
    return found;
  }

  /** A conditional patch of the round's tally; the HTTP status (200, 404 or 412). */
  private patchTally(roundId: string, condition: string, operations: PatchOperation[]): Promise<number> {
    return statusOf(() => this.container.item(tallyId(roundId), roundId).patch({ condition, operations }));
  }
}
