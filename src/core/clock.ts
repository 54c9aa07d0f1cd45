/** Current time; a function so that schedules and tests can control it (sinon fakes Date). */
export function now(): Date {
  return new Date();
}

export function nowIso(): string {
  return now().toISOString();
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

const HOUR_MS = 3_600_000;
/** The hour asked for last, kept because every click asks for the same one. */
let lastHour = { start: Number.NaN, iso: '' };

/**
 * The start of the hour, as ISO text: the time kept on records of anonymous acts, so that a
 * timestamp cannot be lined up with a platform's own log of who did something when.
 */
export function toTheHour(date: Date): string {
  const start = Math.floor(date.getTime() / HOUR_MS) * HOUR_MS;
  if (start !== lastHour.start) lastHour = { start, iso: new Date(start).toISOString() };
  return lastHour.iso;
}
