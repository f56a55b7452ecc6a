import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import { ConfigError } from '../config/error.js';
import type { LintMessage } from '../diagnostic.js';
import { localise } from '../i18n/index.js';
import type { Locale } from '../rules/types.js';
import { once } from '../util/once.js';
import { packageRoot } from '../util/paths.js';
import { scriptIfFresh } from '../util/fresh.js';
import type { FileOutcome, PackedOutcome } from './record.js';
import type { BatchTask, FileTask } from './worker.js';

export { cores, defaultThreads, FILES_PER_THREAD } from '../util/threads.js';

/** piscina, loaded when the first pool starts (a run over a few files never needs it). */
const PiscinaClass = once(() => (createRequire(import.meta.url)('piscina') as typeof import('piscina')).Piscina);

export interface Budget {
  /** time limit per file, in milliseconds */
  timeoutMs: number;
  /** heap limit of a worker, in MiB */
  memoryMb: number;
}

export const DEFAULT_BUDGET: Budget = { timeoutMs: 60_000, memoryMb: 768 };

/** The longest delay a timer takes (about 24.8 days); a longer one would fire at once, with a warning. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * A worker's young generation, in MiB: a sixteenth of its heap limit, from 16 to 32. The young
 * generation grows to its limit while the caches fill in the first thousands of files and is the
 * largest part of a worker's peak: with 64 MiB an audit of 10,000 reports peaked at 353 MB, with 32 at
 * 299 MB, with no difference in CPU beyond the noise (bench/results/young-generation.md).
 */
export function youngGenerationMb(memoryMb: number): number {
  return Math.min(32, Math.max(16, Math.round(memoryMb / 16)));
}

export const TOO_COMPLEX = {
  time: {
    zh: '文件过于复杂：检查超过时间限制（{limit} 秒），已跳过该文件（可用 --file-timeout 调整）',
    en: 'file too complex: checking it took longer than the time limit ({limit} s); it was skipped (see --file-timeout)',
  },
  memory: {
    zh: '文件过于复杂：检查超过内存限制（{limit} MB），已跳过该文件（可用 --file-memory 调整）',
    en: 'file too complex: checking it needed more than the memory limit ({limit} MB); it was skipped (see --file-memory)',
  },
  crash: {
    zh: '检查该文件时内部出错，已跳过该文件：{error}',
    en: 'an internal error stopped the check of this file, which was skipped: {error}',
  },
};

/**
 * The compiled worker: the module beside this one, or in dist/ when the sources run directly
 * (tests); or, when the build made it and it is no older than that module, the same code as one
 * script (dist/worker.cjs, scripts/bundle-worker.mjs), which each thread loads faster.
 */
export function workerFile(): string {
  const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.js');
  const module = existsSync(here) ? here : path.join(packageRoot(), 'dist', 'src', 'audit', 'worker.js');
  return scriptIfFresh(path.join(path.dirname(module), '..', '..', 'worker.cjs'), module);
}

/** The most files a worker checks in one round trip between threads. */
export const MAX_BATCH = 16;

/**
 * How many files to hand a worker at once: up to MAX_BATCH, fewer towards the end of the run so
 * that the threads finish together (a quarter of each thread's share of what is left).
 */
export function batchSize(left: number, threads: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(left / (threads * 4))));
}

function overBudget(task: FileTask, kind: keyof typeof TOO_COMPLEX, data: Record<string, string | number>, locale: Locale): FileOutcome {
  const message: LintMessage = {
    ruleId: kind === 'crash' ? 'internal-error' : 'file-too-complex',
    severity: 2,
    message: localise(TOO_COMPLEX[kind], locale, data),
    messageId: kind,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    fatal: true,
  };
  return {
    filePath: task.file,
    messages: [message],
    errorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    report: null,
    tables: [],
    kind: null,
    fingerprint: { h: [], n: [], l: [] },
    sha256: '',
  };
}

/**
 * Worker threads that check files, each file within a time and a memory budget. A file over
 * budget gets one `file-too-complex` finding; its worker is stopped and replaced, and the other
 * files go on.
 */
export class FilePool {
  private made: Piscina | undefined;
  private readonly aborts = new Set<AbortController>();
  /** a worker was stopped (a file over budget, a crash): its replacement starts before the next file's time is counted */
  private replaced = false;

  constructor(
    readonly threads: number,
    readonly budget: Budget = DEFAULT_BUDGET,
    private readonly locale: Locale = 'zh',
  ) {}

  /** The threads are started when the first file needs one. */
  private get pool(): Piscina {
    if (!this.made) {
      this.made = new (PiscinaClass())({
        filename: workerFile(),
        minThreads: this.threads,
        maxThreads: this.threads,
        idleTimeout: 60_000,
        resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: youngGenerationMb(this.budget.memoryMb) },
      });
      // a worker that stops while it checks no file (piscina then starts another) says so here, and
      // an event without a listener would stop the whole process; the files it was given are
      // accounted for where their checks fail (checkBatch)
      this.made.on('error', () => undefined);
    }
    return this.made;
  }

  /**
   * Check one file. Never rejects: a file over budget or a crashed worker gives a finding. A task
   * that keeps `packed` gets a PackedOutcome, unless the file was over budget.
   */
  async check(task: FileTask & { keep?: 'audit' | 'lint' }): Promise<FileOutcome>;
  async check(task: FileTask): Promise<FileOutcome | PackedOutcome>;
  async check(task: FileTask): Promise<FileOutcome | PackedOutcome> {
    return (await this.checkBatch([task]))[0]!;
  }

  /**
   * Check several files in order, in one round trip between threads (a round trip costs about as
   * much as a tenth of a report's check: bench/results/batches.md). The budget is each file's own:
   * the worker says in shared memory which file it is on and since when, and the watchdog stops
   * the worker when that file has run over the time limit. A file over budget, or one that runs
   * out of memory or crashes its check, gets its finding; the files before it in the batch (whose
   * results went with the worker) and after it are checked again on a fresh worker.
   */
  async checkBatch(tasks: (FileTask & { keep?: 'audit' | 'lint' })[]): Promise<FileOutcome[]>;
  async checkBatch(tasks: FileTask[]): Promise<(FileOutcome | PackedOutcome)[]>;
  async checkBatch(tasks: FileTask[]): Promise<(FileOutcome | PackedOutcome)[]> {
    if (tasks.length === 0) return [];
    if (this.replaced) {
      this.replaced = false;
      await this.pool.run(null, { name: 'ready' }).catch(() => undefined);
    }
    const started = Date.now();
    // [the file being checked (-1 before the first), when it started (ms after `started`)]
    const progress = new Int32Array(new SharedArrayBuffer(8));
    progress[0] = -1;
    const ac = new AbortController();
    this.aborts.add(ac);
    let timer: NodeJS.Timeout | undefined;
    const watch = (): void => {
      const since = started + Atomics.load(progress, 1);
      const left = since + this.budget.timeoutMs - Date.now();
      if (left <= 0) ac.abort(new Error('timeout'));
      else timer = setTimeout(watch, Math.min(left, LONGEST_TIMER));
    };
    timer = setTimeout(watch, Math.min(this.budget.timeoutMs, LONGEST_TIMER));
    let out: (FileOutcome | PackedOutcome)[] | { configError: string } | undefined;
    let stopped: unknown;
    try {
      const batch: BatchTask = { tasks, progress, started };
      out = (await this.pool.run(batch, { name: 'checkFiles', signal: ac.signal })) as (FileOutcome | PackedOutcome)[] | { configError: string };
    } catch (e) {
      if (ac.signal.aborted && (ac.signal.reason as Error | undefined)?.message !== 'timeout') throw e;
      stopped = e;
    } finally {
      clearTimeout(timer);
      this.aborts.delete(ac);
    }
    if (!out) {
      this.replaced = true;
      const at = Math.max(0, Atomics.load(progress, 0));
      const fault = this.failure(tasks[at]!, stopped as NodeJS.ErrnoException, ac.signal.aborted);
      return [...(await this.checkBatch(tasks.slice(0, at))), fault, ...(await this.checkBatch(tasks.slice(at + 1)))];
    }
    if ('configError' in out) throw new ConfigError(out.configError);
    return out;
  }

  /** The finding of a file whose check stopped its worker: over the time limit, out of memory, or crashed. */
  private failure(task: FileTask, err: NodeJS.ErrnoException, timedOut: boolean): FileOutcome {
    if (timedOut) return overBudget(task, 'time', { limit: +(this.budget.timeoutMs / 1000).toFixed(3) }, this.locale);
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message ?? '')) {
      return overBudget(task, 'memory', { limit: this.budget.memoryMb }, this.locale);
    }
    return overBudget(task, 'crash', { error: err.message ?? String(err) }, this.locale);
  }

  /** The sentences of a file with these fingerprints (copied passages). */
  async sentences(task: FileTask, hashes: number[]): Promise<{ hash: number; line: number; text: string }[]> {
    const ac = new AbortController();
    this.aborts.add(ac);
    const timer = this.budget.timeoutMs <= LONGEST_TIMER ? setTimeout(() => ac.abort(new Error('timeout')), this.budget.timeoutMs) : undefined;
    try {
      return (await this.pool.run({ ...task, hashes }, { name: 'sentences', signal: ac.signal })) as { hash: number; line: number; text: string }[];
    } catch {
      return [];
    } finally {
      clearTimeout(timer);
      this.aborts.delete(ac);
    }
  }

  /** Start every thread and load its modules before the first file, so that start-up is not counted against a file's budget. */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.threads }, () => this.pool.run(null, { name: 'ready' })));
  }

  /** Stop every running check (Ctrl-C). */
  abortAll(): void {
    for (const ac of this.aborts) ac.abort(new Error('interrupted'));
  }

  async close(): Promise<void> {
    await this.made?.destroy();
    this.made = undefined;
  }
}
