import { createHash } from 'node:crypto';
import type { Container, SqlParameter } from '@azure/cosmos';

/** The top-level field a container is partitioned by. */
export type PartitionField = 'id' | 'networkId' | 'roundId' | 'jobKey';

/** Top-level fields a store keeps beside the value (not part of the model), e.g. which write stored it. */
export type Extra = Record<string, unknown>;

/** A stored value with the etag that guards its next conditional write. */
export interface Stored<T> {
  id: string;
  partition: string;
  value: T;
  etag: string;
  /** Kept as they are by a replace of the value. */
  extra: Extra;
}

/**
 * Every document has this shape: id, its partition key field, and the stored value under
 * `data` (`value` is a reserved word in Cosmos SQL), with any extra fields beside them.
 */
type Document<T> = { id: string; data: T; _etag?: string } & Partial<Record<PartitionField, string>> & Extra;

/** Fields of a document that are neither its value, its keys nor Cosmos DB's own (`_etag`, `_ts`, …). */
function extraFields(document: Record<string, unknown>, partitionField: PartitionField): Extra {
  const extra: Extra = {};
  for (const [field, value] of Object.entries(document)) {
    if (field !== 'id' && field !== 'data' && field !== partitionField && !field.startsWith('_')) extra[field] = value;
  }
  return extra;
}

const HTTP_NOT_FOUND = 404;
const HTTP_CONFLICT = 409;
const HTTP_PRECONDITION_FAILED = 412;

export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = Number(error.code);
  return Number.isFinite(code) ? code : undefined;
}

/** Runs `write`, turning the given HTTP status into `false` instead of an error. */
async function unless(status: number, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (cosmosStatus(error) === status) return false;
    throw error;
  }
}

/** Gives up on an optimistic write after this many lost races (each re-reads first). */
const MAX_OPTIMISTIC_ATTEMPTS = 50;

/** Jitter spreads out writers that keep losing the same race. */
function pauseBeforeRetry(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10) * 2));
}

/** Calls `attempt` until it returns a result; undefined means "lost a race, read again". */
export async function untilSettled<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < MAX_OPTIMISTIC_ATTEMPTS; tries++) {
    const result = await attempt();
    if (result !== undefined) return result;
    await pauseBeforeRetry(tries + 1);
  }
  throw new Error(`Gave up on ${what} after ${MAX_OPTIMISTIC_ATTEMPTS} conflicting writes`);
}

const SAFE_ID = /^[A-Za-z0-9._:@|=+-]{1,200}$/;

/**
 * A Cosmos DB document id for a natural key. Keys that are already legal, readable ids are
 * used as they are; others (Cosmos ids cannot contain / \ ? # and are limited in length)
 * become a hash, and the key itself stays in the stored value.
 */
export function documentId(key: string): string {
  return SAFE_ID.test(key) ? key : `sha256-${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * A container holding values of one type as `{ id, <partition field>, data }` documents.
 * Keeping the value nested makes every read return the model object exactly as written,
 * with no Cosmos system properties or id clashes to strip.
 */
export class Collection<T> {
  constructor(
    readonly container: Container,
    readonly partitionField: PartitionField,
  ) {}

  private document(id: string, partition: string, value: T, extra: Extra = {}): Document<T> {
    return { ...extra, [this.partitionField]: partition, id, data: value };
  }

  private stored(document: Document<T>): Stored<T> {
    return {
      id: document.id,
      partition: (document[this.partitionField] as string | undefined) ?? document.id,
      value: document.data,
      etag: document._etag ?? '',
      extra: extraFields(document, this.partitionField),
    };
  }

  async read(id: string, partition: string): Promise<Stored<T> | null> {
    const { resource } = await this.container.item(id, partition).read<Document<T>>();
    return resource ? this.stored(resource) : null;
  }

  /** Creates the document; false if one with this id already exists. */
  create(id: string, partition: string, value: T, extra?: Extra): Promise<boolean> {
    return unless(HTTP_CONFLICT, () => this.container.items.create(this.document(id, partition, value, extra)));
  }

  async upsert(id: string, partition: string, value: T): Promise<void> {
    await this.container.items.upsert(this.document(id, partition, value));
  }

  /**
   * Replaces the document if it still has `etag`; false if another write came first. Its extra
   * fields stay as they were unless `extra` gives new ones.
   */
  replaceIfMatch(stored: Stored<T>, value: T, extra: Extra = stored.extra): Promise<boolean> {
    return unless(HTTP_PRECONDITION_FAILED, () =>
      this.container
        .item(stored.id, stored.partition)
        .replace(this.document(stored.id, stored.partition, value, extra), {
          accessCondition: { type: 'IfMatch', condition: stored.etag },
        }),
    );
  }

  /** Replaces the document if it exists; false if it does not. */
  replaceIfExists(id: string, partition: string, value: T): Promise<boolean> {
    return unless(HTTP_NOT_FOUND, () =>
      this.container.item(id, partition).replace(this.document(id, partition, value)),
    );
  }

  /** Deletes the document; false if it was not there (someone else deleted it first). */
  deleteIfPresent(id: string, partition: string): Promise<boolean> {
    return unless(HTTP_NOT_FOUND, () => this.container.item(id, partition).delete());
  }

  async delete(id: string, partition: string): Promise<void> {
    await unless(HTTP_NOT_FOUND, () => this.container.item(id, partition).delete());
  }

  /**
   * Runs `SELECT <select> FROM c WHERE <where>` in one partition, reading every page. The
   * partition filter is written into the SQL as well as sent as the request option: the
   * local emulator ignores the option, and for Cosmos DB the filter costs nothing.
   */
  queryPartition<R = T>(
    partition: string,
    select: string,
    where?: string,
    parameters: SqlParameter[] = [],
  ): Promise<R[]> {
    const inPartition = `c.${this.partitionField} = @partition`;
    return this.fetchAll<R>(
      `SELECT ${select} FROM c WHERE ${where ? `${inPartition} AND (${where})` : inPartition}`,
      [{ name: '@partition', value: partition }, ...parameters],
      partition,
    );
  }

  /** Runs a query across all partitions, reading every page. */
  queryAcrossPartitions<R = T>(query: string, parameters: SqlParameter[] = []): Promise<R[]> {
    return this.fetchAll<R>(query, parameters);
  }

  /** Like queryAcrossPartitions, for whole documents with their etags (`SELECT * FROM c …`). */
  async queryStored(query: string, parameters: SqlParameter[] = []): Promise<Stored<T>[]> {
    const documents = await this.fetchAll<Document<T>>(query, parameters);
    return documents.map((document) => this.stored(document));
  }

  private async fetchAll<R>(query: string, parameters: SqlParameter[], partition?: string): Promise<R[]> {
    const { resources } = await this.container.items
      .query<R>({ query, parameters }, partition === undefined ? {} : { partitionKey: partition })
      .fetchAll();
    return resources;
  }
}
