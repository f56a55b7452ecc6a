/**
 * The audit's worker: reads, lints and fingerprints one file. Runs in a worker thread of the
 * pool (src/audit/pool.ts); everything it returns is plain data.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { ConfigLoader, type ResolvedConfig } from '../config/load.js';
import { ConfigError } from '../config/profiles.js';
import type { Profile, RuleEntry } from '../config/types.js';
import { lintDocument } from '../lint.js';
import type { Report } from '../model/types.js';
import { reportKind } from '../model/completeness.js';
import { readBytes, readPath, DEFAULT_MAX_FILE_SIZE, type ReadOptions } from '../read/index.js';
import type { Locale } from '../rules/types.js';
import { fingerprint, proseSentences, hash32 } from './fingerprint.js';
import { packOutcome, type AuditTable, type FileOutcome, type PackedOutcome } from './record.js';

export interface FileTask {
  file: string;
  configFile?: string;
  useConfig?: boolean;
  profile?: string;
  reportYear?: number;
  ruleOverrides?: Record<string, RuleEntry>;
  ruleOptions?: Record<string, Record<string, unknown>>;
  only?: string[];
  locale?: Locale;
  read?: ReadOptions;
  inlineConfig?: boolean;
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  stats?: boolean;
  /**
   * What the caller needs besides the findings: `audit` (the default) adds the tables, excerpts,
   * fingerprint and content hash the checks across reports use; `packed` the same, with the result
   * written as JSON here (a PackedOutcome); `lint` keeps the findings alone.
   */
  keep?: 'audit' | 'packed' | 'lint';
}

const loaders = new Map<string, ConfigLoader>();

function configFor(task: FileTask): ResolvedConfig | undefined {
  if (task.useConfig === false) return undefined;
  const k = task.configFile ?? '';
  let l = loaders.get(k);
  if (!l) {
    l = new ConfigLoader({ configFile: task.configFile });
    loaders.set(k, l);
  }
  return l.forFile(task.file);
}

function tablesOf(report: Report): AuditTable[] {
  return report.official.tables.map((t) => {
    const cells: AuditTable['cells'] = {};
    for (const [row, cols] of Object.entries(t.cells)) {
      const r: Record<string, AuditTable['cells'][string][string]> = {};
      for (const [col, c] of Object.entries(cols)) {
        const p = report.doc.position(c.range.start);
        r[col] = { v: c.value, k: c.kind, t: c.text, line: p.line, column: p.column };
      }
      cells[row] = r;
    }
    const issueRows = [...new Set(t.issues.map((i) => i.row).filter((x): x is string => Boolean(x)))];
    return { template: t.template, kind: t.kind, generation: t.generation, truncated: t.truncated, issues: t.issues.length, issueRows, cells };
  });
}

async function readTask(task: FileTask): Promise<{ doc: Awaited<ReturnType<typeof readBytes>>; sha256: string }> {
  const max = task.read?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  try {
    // synchronous: a worker thread has nothing else to do meanwhile, and each of the promise API's
    // calls is a round trip through libuv's thread pool (0.4 ms a file in all, against 0.1)
    const st = statSync(task.file);
    if (st.isFile() && st.size <= max) {
      const buf = readFileSync(task.file);
      return { doc: await readBytes(buf, task.file, task.read), sha256: createHash('sha256').update(buf).digest('hex') };
    }
  } catch {
    // readPath says why in plain words
  }
  return { doc: await readPath(task.file, task.read), sha256: '' };
}

/** The lines of plain text and Markdown that findings point at, as written (for the summary's report pages). */
function excerpts(doc: { kind: string; text: string }, messages: { line: number }[]): Record<string, string> {
  if ((doc.kind !== 'text' && doc.kind !== 'markdown') || messages.length === 0) return {};
  const wanted = new Set(messages.map((m) => m.line));
  const out: Record<string, string> = {};
  let line = 1;
  let start = 0;
  for (let i = 0; i <= doc.text.length && wanted.size; i++) {
    const ch = doc.text.charCodeAt(i);
    if (i === doc.text.length || ch === 10 || ch === 13) {
      if (wanted.delete(line)) out[line] = doc.text.slice(start, Math.min(i, start + 400));
      if (ch === 13 && doc.text.charCodeAt(i + 1) === 10) i++;
      line++;
      start = i + 1;
    }
  }
  return out;
}

/** Lint one file and keep what the checks across reports need. Never throws for a bad file. */
export default async function checkFile(task: FileTask): Promise<FileOutcome | PackedOutcome | { configError: string }> {
  const lintOnly = task.keep === 'lint';
  const { doc, sha256 } = lintOnly ? { doc: await readPath(task.file, task.read), sha256: '' } : await readTask(task);
  let modelled: Report | undefined;
  let result;
  try {
    const resolved = configFor(task);
    result = lintDocument(doc, {
      profile: task.profile,
      reportYear: task.reportYear,
      locale: task.locale,
      ruleOverrides: task.ruleOverrides,
      ruleOptions: task.ruleOptions,
      only: task.only,
      inlineConfig: task.inlineConfig,
      reportUnusedDisableDirectives: task.reportUnusedDisableDirectives,
      stats: task.stats,
      config: resolved?.config,
      extraProfiles: resolved ? new Map<string, Profile>(resolved.extraProfiles) : undefined,
      onReport: lintOnly ? undefined : (r) => (modelled = r),
    });
  } catch (e) {
    // bad configuration stops the whole run, as it does outside the pool
    if (e instanceof ConfigError) return { configError: e.message };
    throw e;
  }
  const outcome: FileOutcome = {
    filePath: result.filePath,
    ...(lintOnly ? {} : { excerpts: excerpts(doc, result.messages) }),
    messages: result.messages,
    ...(result.suppressedMessages ? { suppressedMessages: result.suppressedMessages } : {}),
    ...(result.fatalErrorCount !== undefined ? { fatalErrorCount: result.fatalErrorCount } : {}),
    ...(result.stats ? { stats: result.stats } : {}),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    report: result.report,
    tables: modelled ? tablesOf(modelled) : [],
    kind: modelled ? (reportKind(modelled) ?? null) : null,
    fingerprint: modelled ? fingerprint(modelled) : { h: [], n: [], l: [] },
    sha256,
  };
  return task.keep === 'packed' ? packOutcome(outcome) : outcome;
}

/**
 * Files to check one after another in one round trip between threads (src/audit/pool.ts
 * `checkBatch`). The worker writes into `progress` which file it is on (index 0) and when it
 * started it, in milliseconds after `started` (index 1), for the pool's watchdog.
 */
export interface BatchTask {
  tasks: FileTask[];
  progress: Int32Array;
  started: number;
}

/** The files of a batch in turn. A configuration error stops the batch: it stops the run. */
export async function checkFiles(batch: BatchTask): Promise<(FileOutcome | PackedOutcome)[] | { configError: string }> {
  const out: (FileOutcome | PackedOutcome)[] = [];
  for (let i = 0; i < batch.tasks.length; i++) {
    // a turn of the event loop between files: V8 runs the garbage collector's tasks for this thread
    // there, and without it a batch read with synchronous calls holds its heap 20–30 MB higher
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    Atomics.store(batch.progress, 1, Date.now() - batch.started);
    Atomics.store(batch.progress, 0, i);
    const o = await checkFile(batch.tasks[i]!);
    if ('configError' in o) return o;
    out.push(o);
  }
  return out;
}

/** The sentences of a file whose fingerprints are among `hashes`, as written: the copied passages. */
export async function sentences(task: FileTask & { hashes: number[] }): Promise<{ hash: number; line: number; text: string }[]> {
  const { doc } = await readTask(task);
  let modelled: Report | undefined;
  const resolved = configFor(task);
  lintDocument(doc, { profile: task.profile, config: resolved?.config, only: [], onReport: (r) => (modelled = r) });
  if (!modelled) return [];
  const want = new Set(task.hashes);
  return proseSentences(modelled)
    .map((s) => ({ hash: hash32(s.norm), line: s.line, text: s.raw }))
    .filter((s) => want.has(s.hash));
}

/** A task that only shows the thread is up, its modules loaded (the time budget then covers the file alone). */
export async function ready(): Promise<boolean> {
  await new Promise((r) => setTimeout(r, 20));
  return true;
}
