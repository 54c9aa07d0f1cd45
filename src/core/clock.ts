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

/**
 * The start of the hour, as ISO text: the time kept on records of anonymous acts, so that a
 * timestamp cannot be lined up with a platform's own log of who did something when.
 */
export function toTheHour(date: Date): string {
  const hour = new Date(date.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}
