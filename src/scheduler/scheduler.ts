import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { CoreDeps } from '../core/deps';
import { now } from '../core/clock';
import { queueDueReminders } from '../core/actions/reminders';
import { openDueRounds, queueNudges } from './pulse-jobs';
import { queueChairDigest, queueForumSummaries } from './report-jobs';
import { pruneDeliveryMarks, sealClosedRounds, sweepExpired } from '../core/privacy/privacy';

export interface SchedulerOptions {
  /** Identifies this instance in the scheduler lease. */
  holder: string;
  /** How long one instance keeps the tick to itself; renewed by every tick it runs. */
  leaseMs: number;
}

export const SCHEDULER_DEFAULTS: Omit<SchedulerOptions, 'holder'> = {
  leaseMs: 90_000,
};

export interface TickResult {
  reminders: number;
  roundsOpened: number;
  nudges: number;
  summaries: number;
  digests: number;
  /** Feedback items and answers deleted under the networks' retention policies. */
  expired: number;
}

const LEASE = 'scheduler';

/**
 * Finds due work every minute: owner reminders, recurring pulse rounds and their nudges,
 * forum summaries and the chairs' digest (each on the schedule its chairs set, else the
 * server's default). Everything it queues goes through the outbox with
 * a deterministic job key per occurrence, so a repeated tick or a second instance adds
 * nothing twice; the lease only saves the other instances the work.
 */
export class Scheduler {
  private readonly options: SchedulerOptions;
  private task: ScheduledTask | null = null;
  private running: Promise<TickResult | null> | null = null;

  constructor(
    private readonly deps: CoreDeps,
    private readonly log: Logger,
    options: Partial<SchedulerOptions> = {},
  ) {
    this.options = { holder: `scheduler-${randomUUID()}`, ...SCHEDULER_DEFAULTS, ...options };
  }

  start(): void {
    if (this.task) return;
    this.task = cron.schedule('* * * * *', () => this.tickSafely(), { name: 'techvoice-scheduler', noOverlap: true, unref: true });
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = null;
    await this.running?.catch(() => undefined);
  }

  private async tickSafely(): Promise<void> {
    try {
      await this.tick();
    } catch (error) {
      this.log.error({ err: error }, 'scheduler tick failed');
    }
  }

  /** One pass over every network; null when another instance holds the lease. */
  tick(at: Date = now()): Promise<TickResult | null> {
    this.running = this.runTick(at).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runTick(at: Date): Promise<TickResult | null> {
    const { store, outbox } = this.deps;
    const until = new Date(at.getTime() + this.options.leaseMs);
    if (!(await store.acquireLease(LEASE, this.options.holder, at.toISOString(), until.toISOString()))) return null;
    const result: TickResult = { reminders: 0, roundsOpened: 0, nudges: 0, summaries: 0, digests: 0, expired: 0 };
    for (const network of await store.listNetworks()) {
      try {
        result.reminders += await queueDueReminders(this.deps, network, at);
        result.roundsOpened += await openDueRounds(this.deps, network, at);
        result.nudges += await queueNudges(this.deps, network, at);
        await sealClosedRounds(store, network, at);
        // Read on every tick: a schedule a chair changes on any instance applies on the next one.
        result.summaries += await queueForumSummaries(this.deps, network, at);
        result.digests += await queueChairDigest(this.deps, network, at);
        if (at.getUTCMinutes() === 0) {
          const expired = await sweepExpired(store, network, at);
          result.expired += expired.feedback + expired.answers;
        }
      } catch (error) {
        // One network's problem must not hold up the others.
        this.log.error({ err: error, network: network.id }, 'scheduled work failed for a network');
      }
    }
    if (at.getUTCMinutes() === 0) await pruneDeliveryMarks(store, at);
    outbox.kick();
    return result;
  }
}
