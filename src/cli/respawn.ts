import { spawn } from 'node:child_process';
import { opendirSync, statSync, type Dir } from 'node:fs';
import path from 'node:path';
import { constants } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { FILES_PER_THREAD } from '../util/threads.js';

/**
 * Runs that check many files on two worker threads or more start node again with one V8 helper
 * thread (`--v8-pool-size=1`): `audit`, and a lint of at least RESPAWN_FROM files (or of a glob
 * pattern), given `--jobs 2` or more; without `--jobs`, runs over enough files for two threads
 * (2 × FILES_PER_THREAD).
 *
 * V8's helper threads (concurrent garbage collection, background compilation) default to four. When
 * every core already runs a worker that checks files they only compete with the workers: on a
 * two-core machine one helper thread makes `audit -j 2` about a fifth faster and cheaper in CPU
 * (bench/results/v8-threads.md). With one worker they compete with nothing, and the second start
 * of node costs more than it saves (3 % of the CPU of a 1,000-report run). V8 takes the flag only
 * when node starts, so such runs are started again as a child process with the flag, which:
 *
 * - gets the parent's standard input, output and error, arguments and environment;
 * - runs in its own process group, so a Ctrl-C reaches it once, passed on by the parent;
 * - stops at once when the parent is gone, even killed with SIGKILL (its IPC channel closes);
 * - gives the parent its exit code, or its signal.
 *
 * Node started with its own `--v8-pool-size` keeps it and runs in one process, as does Windows.
 */

const FLAG = '--v8-pool-size=1';
/** set in the child's environment: the child does not start another */
const CHILD = 'OGI_LINT_CHILD';
/** commands that check one thing, or talk over standard input and output */
const SUBCOMMANDS = new Set(['rules', 'extract', 'web', 'aggregate', 'init', 'completion']);
const IN_PROCESS = new Set(['-', '--stdin', '--lsp', '--fix', '--fix-dry-run', '--help', '-h', '--version', '-v', '--print-config', '--init']);

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Whether the arguments ask for a run over many files: `audit`, or a folder or a glob pattern to check. */
export function checksManyFiles(args: readonly string[]): boolean {
  if (args.some((a) => IN_PROCESS.has(a))) return false;
  const words = args.filter((a) => !a.startsWith('-'));
  if (words[0] === 'audit') return true;
  if (words[0] !== undefined && SUBCOMMANDS.has(words[0])) return false;
  return words.length >= 5 || words.some((w) => /[*?{[]/.test(w) || isDirectory(w));
}

/**
 * From how many files a lint on two threads or more gains from starting node again
 * (bench/results/v8-threads.md). Below it, the second start-up costs more than one helper thread
 * saves: on two cores, folders of 20 to 400 reports took 4–16 % less wall time in one process,
 * 1,000 and 3,000 reports 10–12 % more.
 */
export const RESPAWN_FROM = 500;

/**
 * Whether the paths hold at least `n` files: each file named counts one, each folder the files in it
 * and in its folders (dot-folders and node_modules left out, as the lint leaves them out), and a glob
 * pattern counts as many. Stops counting at `n`, so a huge folder is not listed whole.
 */
export function holdsAtLeast(paths: readonly string[], n: number): boolean {
  let count = 0;
  const folders: string[] = [];
  for (const p of paths) {
    if (/[*?{[]/.test(p)) return true;
    if (isDirectory(p)) folders.push(p);
    else count++;
    if (count >= n) return true;
  }
  while (folders.length) {
    let dir: Dir;
    try {
      dir = opendirSync(folders.pop()!);
    } catch {
      continue;
    }
    try {
      for (let e = dir.readSync(); e; e = dir.readSync()) {
        if (e.name.startsWith('.')) continue;
        if (e.isDirectory()) {
          if (e.name !== 'node_modules') folders.push(path.join(dir.path, e.name));
        } else if (++count >= n) return true;
      }
    } catch {
      // a folder that cannot be listed is passed over, as the lint passes it over
    } finally {
      dir.closeSync();
    }
  }
  return false;
}

/** Whether this process should run the arguments in a child started with one V8 helper thread. */
export function shouldRespawn(args: readonly string[], env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  if (process.platform === 'win32' || env[CHILD]) return false;
  if (execArgv.some((a) => a.startsWith('--v8-pool-size'))) return false;
  if (!checksManyFiles(args)) return false;
  const jobs = jobsAsked(args);
  if (jobs !== undefined && !(jobs >= 2)) return false;
  const words = args.filter((a, i) => !a.startsWith('-') && !JOBS_FLAG.has(args[i - 1] ?? ''));
  const audit = words[0] === 'audit';
  const paths = audit ? words.slice(1) : words;
  if (jobs === undefined) return holdsAtLeast(paths, 2 * FILES_PER_THREAD);
  return audit || holdsAtLeast(paths, RESPAWN_FROM);
}

const JOBS_FLAG = new Set(['-j', '--jobs']);

/** The number of worker threads the arguments ask for (`-j 2`, `-j2`, `--jobs 2`, `--jobs=2`), if any; NaN when it is no number. */
export function jobsAsked(args: readonly string[]): number | undefined {
  let jobs: number | undefined;
  args.forEach((a, i) => {
    if (JOBS_FLAG.has(a)) jobs = Number(args[i + 1]);
    else {
      const m = /^(?:-j=?|--jobs=)(.*)$/.exec(a);
      if (m) jobs = Number(m[1]);
    }
  });
  return jobs;
}

/**
 * How much a function runs (V8's interrupt budget, in bytecode executed) before V8 considers
 * compiling it with its optimising compiler: eight times V8's default (66 KiB).
 *
 * Over a thousand reports a pool worker spends about as much CPU compiling ogi-lint's hot functions
 * (on V8's helper thread) as checking the reports, and each worker compiles them again. With a larger
 * budget only the functions that stay hot are compiled: half as many compilations, and 10–15 % less
 * CPU for runs of 100 and 1,000 reports; the code that runs once everything is warm is the same
 * (bench/results/v8-budget.md).
 */
export const INTERRUPT_BUDGET = 8 * 66 * 1024;

/**
 * How much bytecode V8's optimising compiler may inline into one function, in all (V8's default
 * is 920 bytes): for a run over many files, 200.
 *
 * Inlining is most of what compiling costs, and the functions that read tables are large and call
 * many others. Over a thousand reports, V8 spent about 1.1 s compiling with the default and 0.6 s
 * with this; the plain run over them takes 5–6 % less CPU in all, and the code that runs once
 * everything is warm is as fast (bench/results/v8-inlining.md).
 */
export const INLINED_BYTECODE = 200;
/**
 * For a run over many files, V8's optimising compiler calls the array builtins (`map`, `filter`,
 * `forEach`…) instead of inlining them (`--no-turbo-inline-array-builtins`).
 *
 * Inlined, `map` makes a holey array where the builtin makes a packed one. Code optimised while it
 * saw the one is thrown away ("wrong map") when the other reaches it, which happens to a function
 * as soon as a function it takes arrays from is optimised in turn: over a thousand reports about
 * twenty of ogi-lint's hottest functions were thrown away and compiled again, and ran unoptimised
 * in between. With the builtins called none is, and the plain run takes 7–10 % less CPU; the code
 * that runs once everything is warm is as fast (bench/results/v8-array-builtins.md).
 */
export const ARRAY_BUILTINS = '--no-turbo-inline-array-builtins';
/** V8 versions known to have `--interrupt-budget` (node 20 to 24); another V8 is left as it is. */
const KNOWN_V8 = /^1[1-3]\./;

/**
 * For a run over many files, raise V8's interrupt budget (`INTERRUPT_BUDGET`), lower how much it
 * inlines (`INLINED_BYTECODE`) and have it call the array builtins (`ARRAY_BUILTINS`), in this
 * process and so in the pool's workers, before any of them starts. Returns whether it did.
 */
export function tuneForManyFiles(args: readonly string[], v8Version: string = process.versions.v8): boolean {
  if (!KNOWN_V8.test(v8Version) || !checksManyFiles(args)) return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE}`);
  setFlagsFromString(ARRAY_BUILTINS);
  return true;
}

/** In the child: stop as soon as the parent is gone. */
export function followParent(): void {
  if (!process.env[CHILD] || !process.channel) return;
  process.on('disconnect', () => process.exit(129));
  // the channel does not keep the child running once its work is done
  process.channel.unref();
}

/**
 * Run `script args` in a child node with the flag; resolves to the exit code to give, or undefined
 * when the child could not be started (the caller then runs the arguments itself).
 */
export function respawn(script: string, args: readonly string[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(process.execPath, [FLAG, ...process.execArgv, script, ...args], {
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, [CHILD]: '1' },
        detached: true,
      });
    } catch {
      resolve(undefined);
      return;
    }
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const pass = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    let started = false;
    child.once('spawn', () => {
      started = true;
      for (const s of signals) process.on(s, pass);
    });
    child.once('error', () => {
      if (!started) resolve(undefined);
    });
    child.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass);
      if (signal) {
        // end the way the child ended (a signal that does not end this process: its usual code)
        process.kill(process.pid, signal);
        resolve(128 + (constants.signals[signal] ?? 0));
        return;
      }
      resolve(code ?? 1);
    });
  });
}
