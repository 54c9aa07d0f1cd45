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
