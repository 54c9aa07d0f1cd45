/** Where a command-line act writes: its report, and its problems. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}
