import os from 'node:os';

/** How many cores this machine has (at least one). */
export function cores(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * The fewest files to give each worker thread when their number is not given. Each thread loads its
 * modules and has V8 compile the hot code again before it checks a report at full speed: about a
 * second of CPU, as much as 500–700 reports cost once warm. A second thread for 1,000 reports saved
 * 11–12 % of the wall time and cost 16–25 % more CPU on two cores (bench/results/README.md, section 16).
 */
export const FILES_PER_THREAD = 1000;

/**
 * How many worker threads to check `files` files with when not told: one for every FILES_PER_THREAD
 * files, at most one per core, at least one.
 */
export function defaultThreads(files: number, available: number = cores()): number {
  return Math.max(1, Math.min(available, Math.floor(files / FILES_PER_THREAD)));
}
