/**
 * restify loads spdy, whose http-deceiver reads process.binding('http_parser') twice as it
 * is required, and Node prints DEP0111 for each read. Techvoice serves HTTP/1.1 only and
 * never uses that code, so this one known warning is dropped; every other warning is printed.
 * Imported before restify.
 */
const emitWarning = process.emitWarning.bind(process) as (warning: string | Error, ...rest: unknown[]) => void;

const isHttpParserBinding = (warning: string | Error, rest: unknown[]): boolean => {
  const options = rest[0];
  const code = typeof options === 'object' && options !== null ? (options as { code?: unknown }).code : rest[1];
  return code === 'DEP0111' && String(warning).includes("process.binding('http_parser')");
};

process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (!isHttpParserBinding(warning, rest)) emitWarning(warning, ...rest);
}) as typeof process.emitWarning;
