/**
 * Final counts of sealed rounds, gathered per network and day of closing, so that a summary
 * reads one document per day of its period instead of one tally per round (docs/storage.md,
 * "Rollups of sealed rounds").
 *
 * A round is folded in once it is sealed: from then on nobody can be keyed to it, so no answer
 * can be given or changed, and its tally (answer-tally.ts) is closed to writes. A day's
 * document is read, changed and replaced on its etag (a lost race reads it again), and a
 * round's entry is written only if the day has none for it yet: two instances folding the same
 * round, or a reader folding one the scheduler folded a moment before, add it once. Retention
 * is the one thing that changes a sealed round's counts: it sets the entry to no answers, after
 * the answers and the tally are emptied, so a fold that read the tally before it was emptied
 * either lands first (and is overwritten) or finds the entry there (and changes nothing).
 *
 * An entry holds the round's id and its counts per platform and value (count keys as in the
 * tally, answers at 0 left out): no respondent key, member id or time of an answer.
 */
import { createHash } from 'node:crypto';
import type { CountedRound } from '../../core/store';
import { type Collection, documentId, type Stored, untilSettled } from './collection';

export interface RolledUpRound {
  roundId: string;
  /** Count key (answer-tally.ts countKey) → answers, none at 0. */
  counts: Record<string, number>;
}

export interface Rollup {
  networkId: string;
  /** The UTC day its rounds closed, YYYY-MM-DD. */
  day: string;
  /** Entry key (entryKey) → the round's counts. */
  rounds: Record<string, RolledUpRound>;
}

/** The UTC day a round closed: which rollup holds it. */
export function dayOf(round: Pick<CountedRound, 'closesAt'>): string {
  return new Date(round.closesAt).toISOString().slice(0, 10);
}

/** One document per network and day. */
export function rollupId(networkId: string, day: string): string {
  return `${day}|${documentId(networkId)}`;
}

/** A round's key in its rollup: safe as a field name whatever the round's id. */
export function entryKey(roundId: string): string {
  return `r${createHash('sha256').update(roundId).digest('hex').slice(0, 40)}`;
}

const withoutZeros = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));

/** The rollups container (partitioned by network), documents `{ id, networkId, data: Rollup }`. */
export class AnswerRollups {
  constructor(
    private readonly rollups: Collection<Rollup>,
    private readonly parallel = 64,
  ) {}

  /**
   * Counts of those of the given rounds that are sealed and folded, one point read per network
   * and day of closing; rounds not (yet) in a rollup are left out of the map.
   */
  async read(rounds: readonly CountedRound[]): Promise<Map<string, Record<string, number>>> {
    const sealed = rounds.filter((round) => round.answerSalt === '');
    const rollups = await this.readRollups(sealed);
    const found = new Map<string, Record<string, number>>();
    for (const round of sealed) {
      const entry = rollups.get(rollupId(round.networkId, dayOf(round)))?.value.rounds[entryKey(round.id)];
      if (entry?.roundId === round.id) found.set(round.id, entry.counts);
    }
    return found;
  }

  /**
   * Adds sealed rounds' final counts to their days, one write per day at most; a round its day
   * has an entry for already is left as it is.
   */
  async fold(folds: readonly { round: CountedRound; counts: Record<string, number> }[]): Promise<void> {
    await this.perDay(folds, ({ round }) => round, (rollup, sameDay) => {
      let changed = false;
      for (const { round, counts } of sameDay) {
        // Whoever folded it first read the same final counts (or retention has emptied it since).
        if (rollup.rounds[entryKey(round.id)]) continue;
        rollup.rounds[entryKey(round.id)] = { roundId: round.id, counts: withoutZeros(counts) };
        changed = true;
      }
      return changed;
    });
  }

  /**
   * Sets the given rounds' entries to no answers (retention has deleted their answers): one
   * write per day at most, none for a day whose entries say so already.
   */
  async empty(rounds: readonly CountedRound[]): Promise<void> {
    const sealed = rounds.filter((round) => round.answerSalt === '');
    await this.perDay(sealed, (round) => round, (rollup, sameDay) => {
      let changed = false;
      for (const round of sameDay) {
        const entry = rollup.rounds[entryKey(round.id)];
        if (entry && Object.keys(entry.counts).length === 0) continue;
        rollup.rounds[entryKey(round.id)] = { roundId: round.id, counts: {} };
        changed = true;
      }
      return changed;
    });
  }

  /** Groups `items` by their round's rollup and changes each day's once, `parallel` days at a time. */
  private async perDay<T>(items: readonly T[], roundOf: (item: T) => CountedRound, edit: (rollup: Rollup, sameDay: T[]) => boolean): Promise<void> {
    const byDay = new Map<string, T[]>();
    for (const item of items) {
      const round = roundOf(item);
      const id = rollupId(round.networkId, dayOf(round));
      byDay.set(id, [...(byDay.get(id) ?? []), item]);
    }
    const days = [...byDay.values()];
    for (let start = 0; start < days.length; start += this.parallel) {
      await Promise.all(days.slice(start, start + this.parallel).map((sameDay) => this.change(roundOf(sameDay[0]).networkId, dayOf(roundOf(sameDay[0])), (rollup) => edit(rollup, sameDay))));
    }
  }

  /**
   * Reads a day's rollup, lets `edit` change it (true if it did) and writes it back on its etag,
   * or creates it; a lost race reads it again.
   */
  private async change(networkId: string, day: string, edit: (rollup: Rollup) => boolean): Promise<void> {
    const id = rollupId(networkId, day);
    await untilSettled(`folding answer counts into ${day}`, async () => {
      const stored = await this.rollups.read(id, networkId);
      const rollup: Rollup = stored ? structuredClone(stored.value) : { networkId, day, rounds: {} };
      if (!edit(rollup)) return true;
      return (stored ? await this.rollups.replaceIfMatch(stored, rollup) : await this.rollups.create(id, networkId, rollup)) || undefined;
    });
  }

  /** The rollups of the days the given rounds closed on, `parallel` point reads at a time. */
  private async readRollups(rounds: readonly CountedRound[]): Promise<Map<string, Stored<Rollup>>> {
    const days = new Map<string, string>();
    for (const round of rounds) days.set(rollupId(round.networkId, dayOf(round)), round.networkId);
    const ids = [...days.keys()];
    const found = new Map<string, Stored<Rollup>>();
    for (let start = 0; start < ids.length; start += this.parallel) {
      const chunk = ids.slice(start, start + this.parallel);
      const documents = await Promise.all(chunk.map((id) => this.rollups.read(id, days.get(id)!)));
      documents.forEach((document, i) => {
        if (document) found.set(chunk[i], document);
      });
    }
    return found;
  }
}
