/**
 * The names of the files ogi-lint looks for and writes, and the cache strategies: what `--help`
 * shows, kept apart from the code that reads and writes those files so that printing the help does
 * not load it. The modules of that code export them too.
 */

/** The configuration file looked for in each folder. */
export const CONFIG_FILENAME = '.ogilintrc.json';

/** The suppressions file in the working folder when --suppressions-location is not given. */
export const SUPPRESSIONS_FILENAME = 'ogi-lint-suppressions.json';

/** The cache file in the working folder when --cache-location is not given. */
export const CACHE_FILENAME = '.ogilintcache';

/** How a file is recognised as unchanged: its size and modification time, or its content. */
export type CacheStrategy = 'metadata' | 'content';

export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];
