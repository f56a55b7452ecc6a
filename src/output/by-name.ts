import type { Formatter } from './types.js';

/**
 * The built-in formatters by the name given to --format, each loaded when it is asked for: SARIF
 * describes every rule, so loading it loads the rules, which a run that checks its files on the
 * worker pool does not otherwise need in its main thread. The same functions as `formatters` in
 * ./index.ts.
 */
const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  csv: async () => (await import('./csv.js')).csv,
  compact: async () => (await import('./compact.js')).compact,
  unix: async () => (await import('./compact.js')).unix,
  checkstyle: async () => (await import('./checkstyle.js')).checkstyle,
  junit: async () => (await import('./junit.js')).junit,
};

/** The names of the built-in formatters. */
export const FORMATTER_NAMES: readonly string[] = Object.keys(LOADERS);

/** The built-in formatter of this name, loaded now; undefined when there is none of that name. */
export async function loadBuiltinFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]!() : undefined;
}
