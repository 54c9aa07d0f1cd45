import sinon from 'sinon';
import { createLogger } from '../../../src/log';
import { Scheduler, type SchedulerOptions } from '../../../src/scheduler/scheduler';
import type { BotHarness } from '../../support/bot-harness';

/** Fakes only Date (timers stay real, so HTTP and the outbox keep working). */
export function fakeDate(iso: string): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({ now: Date.parse(iso), toFake: ['Date'] });
}

export function schedulerFor(bot: BotHarness, options: Partial<SchedulerOptions> = {}): Scheduler {
  return new Scheduler(bot.app.core.deps, createLogger('silent'), options);
}

/** Ticks at `iso` (Date faked to it) and sends whatever is due then. */
export async function tickAt(clock: sinon.SinonFakeTimers, scheduler: Scheduler, bot: BotHarness, iso: string) {
  clock.setSystemTime(Date.parse(iso));
  const result = await scheduler.tick();
  await bot.app.outbox.drain();
  return result;
}
