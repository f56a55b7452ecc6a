import { closeSync, existsSync, mkdirSync, rmSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { ConfigLoader } from '../config/load.js';
import type { RuleEntry } from '../config/types.js';
import type { LintMessage } from '../diagnostic.js';
import { expandPatterns } from '../cli/files.js';
import { localise } from '../i18n/index.js';
import type { ReadOptions } from '../read/index.js';
import type { Locale, Rule } from '../rules/types.js';
import { allRules } from '../../rules/index.js';
import { crossRules } from '../../rules/cross/index.js';
import { attribute, normaliseBodyName, readManifest, type ManifestEntry } from './bodies.js';
import { runCrossRules } from './cross.js';
import type { CrossFinding, CrossReportInput } from './cross-rule.js';
import { uniqueSentences } from './fingerprint.js';
import { batchSize, DEFAULT_BUDGET, defaultThreads, FilePool, type Budget } from './pool.js';
import { givenTwice, packOutcome, type AuditCell, type AuditRecord, type AuditTable, type FileOutcome, type PackedOutcome } from './record.js';
import { readLines, removeLeftovers, resumeState, rulesKey, sha256, temporaryFile } from './state.js';
import { SummaryWriter, type AreaTables } from './summary.js';
import { HeapGuard } from '../util/heap.js';
import type { FileTask } from './worker.js';

export interface AuditOptions {
  paths: string[];
  cwd: string;
  /** where the outputs go (created when missing) */
  outDir: string;
  manifest?: string;
  threads?: number;
  budget?: Budget;
  configFile?: string;
  useConfig?: boolean;
  profile?: string;
  ruleOverrides?: Record<string, RuleEntry>;
  locale: Locale;
  read?: ReadOptions;
  /** forget the results of earlier runs */
  restart?: boolean;
  /** where progress goes (standard error) */
  progress: { write(s: string): unknown; isTTY?: boolean };
  /** seconds between plain progress lines when not on a terminal */
  progressEvery?: number;
  /** stops the audit as SIGINT and SIGTERM do */
  signal?: AbortSignal;
}

export interface AuditOutcome {
  exitCode: number;
  interrupted: boolean;
  totals: Totals;
}

export interface Totals {
  files: number;
  /** checked in this run */
  checked: number;
  /** taken from an earlier run, unchanged */
  reused: number;
  errors: number;
  warnings: number;
  filesWithErrors: number;
  /** files that could not be read or checked (fatal findings) */
  failed: number;
  tooComplex: number;
  bodies: number;
  unattributed: number;
  byRule: Record<string, number>;
  crossReport: Record<string, number>;
}

export const AUDIT_MESSAGES = {
  progress: {
    zh: 'ogi-lint audit：{done}/{total} 个文件（{pct}%），每秒 {rate} 个，预计还需 {eta}，出错 {failed} 个',
    en: 'ogi-lint audit: {done}/{total} files ({pct}%), {rate}/s, {eta} left, {failed} failed',
  },
  bar: {
    zh: '{bar} {value}/{total} 个文件 | {percentage}% | 每秒 {rate} 个 | 剩余 {eta_formatted} | 出错 {failed}',
    en: '{bar} {value}/{total} files | {percentage}% | {rate}/s | ETA {eta_formatted} | {failed} failed',
  },
  interrupted: {
    zh: '已中断：{done} 个文件的结果已保存在 {dir}；再次运行同一命令将从中断处继续',
    en: 'interrupted: the results of {done} files are saved in {dir}; run the same command again to go on where it stopped',
  },
  done: {
    zh: '审核完成：{files} 个文件（本次检查 {checked} 个，沿用上次结果 {reused} 个），{errors} 个错误，{warnings} 个警告，跨报告问题 {cross} 个；结果在 {dir}',
    en: 'audit done: {files} files ({checked} checked now, {reused} unchanged since the last run), {errors} errors, {warnings} warnings, {cross} findings across reports; outputs in {dir}',
  },
  crossRule: { zh: '未知的跨报告规则', en: 'unknown cross-report rule' },
  across: {
    zh: 'ogi-lint audit：读回 {files} 份报告的结果，进行跨报告检查…',
    en: 'ogi-lint audit: reading back the results of {files} reports and checking across them…',
  },
  writing: {
    zh: 'ogi-lint audit：正在写入汇总（audit.json、summary.html、summary.xlsx、summary.csv）：{done}/{total} 份报告',
    en: 'ogi-lint audit: writing the summaries (audit.json, summary.html, summary.xlsx, summary.csv): {done}/{total} reports',
  },
};

function seconds(s: number, locale: Locale): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return locale === 'zh' ? `${Math.round(s)} 秒` : `${Math.round(s)} s`;
  const m = Math.round(s / 60);
  return locale === 'zh' ? `${m} 分钟` : `${m} min`;
}

/** The rows and columns of table cells the cross-report rules read; the rest is not kept in memory. */
const CROSS_CELLS: Record<string, string[]> = {
  applications: ['carried-over', 'carry-forward'],
  proactive: ['rules', 'normative-documents'],
};

/** Tables 3 and 4 whole, for a summary report and the reports the manifest puts under a parent. */
const WHOLE = new Set(['applications', 'review-litigation']);

/** One string per cell kind, shared by every cell kept (JSON.parse gives each cell its own copy). */
const KINDS = new Map(['number', 'blank', 'approximate', 'invalid'].map((k) => [k, k]));

const interned = new Map<string, string>();
/** The same few words (table kinds, templates) once in memory, not once per report. */
function intern(s: string): string {
  const x = interned.get(s);
  if (x !== undefined) return x;
  interned.set(s, s);
  return s;
}

/** A cell as the cross-report rules read it: the number, its kind and where it is; not the text as written. */
function lean(cells: AuditTable['cells']): AuditTable['cells'] {
  const out: AuditTable['cells'] = {};
  for (const [row, cols] of Object.entries(cells)) {
    const r: Record<string, AuditCell> = {};
    for (const [col, c] of Object.entries(cols)) r[col] = { v: c.v, k: KINDS.get(c.k) ?? c.k, t: '', line: c.line, column: c.column };
    out[row] = r;
  }
  return out;
}

/** Lines of a file read again by their place (offset and length), into one buffer that grows as needed. */
class LineReader {
  private fd: number | undefined;
  private buf = Buffer.alloc(1 << 16);

  constructor(private readonly file: string) {}

  /** The line's bytes: valid until the next read. */
  read(at: { offset: number; length: number }): Buffer {
    this.fd ??= openSync(this.file, 'r');
    if (this.buf.length < at.length) this.buf = Buffer.alloc(at.length * 2);
    readSync(this.fd, this.buf, 0, at.length, at.offset);
    return this.buf.subarray(0, at.length);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Whether the checks across reports keep a report's tables 3 and 4 whole while every report is held:
 * a summary's, and those a manifest puts under a government. Other reports' are read again when a
 * check asks (the departments of a summary told by their names).
 */
function keepsWholeTables(body: AuditRecord['body']): boolean {
  return body.kind === 'summary' || Boolean(body.parent);
}

function pruneTables(tables: AuditTable[], whole: boolean): AuditTable[] {
  return pruned(tables, whole).map((t) => ({ ...t, template: intern(t.template), kind: intern(t.kind), generation: intern(t.generation), cells: lean(t.cells) }));
}

function pruned(tables: AuditTable[], whole: boolean): AuditTable[] {
  const out: AuditTable[] = [];
  for (const t of tables) {
    if (whole && WHOLE.has(t.kind)) {
      out.push(t);
      continue;
    }
    if (t.kind === 'legacy-statistics') {
      // the rows with a cumulative count (历年累计), for carry-over
      const cells: AuditTable['cells'] = {};
      for (const [r, c] of Object.entries(t.cells)) if (c.cumulative) cells[r] = c;
      if (Object.keys(cells).length) out.push({ ...t, cells });
      continue;
    }
    const rows = CROSS_CELLS[t.kind];
    if (!rows) continue;
    const cells: AuditTable['cells'] = {};
    for (const r of rows) if (t.cells[r]) cells[r] = t.cells[r]!;
    out.push({ ...t, cells });
  }
  return out;
}

/** Add a report's table 3 and 4 to the area's sums for its year. */
function addToArea(area: AreaTables, rec: AuditRecord): void {
  const year = rec.body.year;
  if (year === null || rec.body.kind === 'summary') return;
  const y = (area[year] ??= { reports: 0, tables: {} });
  let counted = false;
  for (const t of rec.tables) {
    if (t.kind !== 'applications' && t.kind !== 'review-litigation') continue;
    // (a table given twice, the body's own and its area's: which one the sums want cannot be told)
    if (t.issues > 0 || givenTwice(rec.tables, t.kind)) continue;
    counted = true;
    const sums = (y.tables[t.kind] ??= {});
    for (const [row, cols] of Object.entries(t.cells)) {
      const r = (sums[row] ??= {});
      for (const [col, c] of Object.entries(cols)) if (c.v !== null && c.k === 'number') r[col] = (r[col] ?? 0) + c.v;
    }
  }
  if (counted) y.reports++;
}

/**
 * Ctrl-C (SIGINT), SIGTERM or the caller's AbortSignal, heard from the start of an audit until its
 * outputs are written. The audit looks at `stopped` where it can stop with what it has written
 * consistent; `onStop` actions (stopping the files being checked) run at once.
 */
class Interruption {
  stopped = false;
  private readonly actions: (() => void)[] = [];
  private readonly stop = (): void => {
    this.stopped = true;
    for (const a of this.actions) a();
  };

  constructor(private readonly signal?: AbortSignal) {
    process.on('SIGINT', this.stop);
    process.on('SIGTERM', this.stop);
    if (signal?.aborted) this.stopped = true;
    signal?.addEventListener('abort', this.stop);
  }

  /** Run `action` when stopped (at once when stopped already). */
  onStop(action: () => void): void {
    this.actions.push(action);
    if (this.stopped) action();
  }

  dispose(): void {
    process.off('SIGINT', this.stop);
    process.off('SIGTERM', this.stop);
    this.signal?.removeEventListener('abort', this.stop);
  }
}

/**
 * `ogi-lint audit`: check every report under the paths on worker threads (one for every 1,000 files,
 * up to one per core), each within its budget, streaming results to disk; then run the checks across
 * reports and write the summaries.
 */
export async function runAudit(o: AuditOptions): Promise<AuditOutcome> {
  const stop = new Interruption(o.signal);
  try {
    return await audit(o, stop);
  } finally {
    stop.dispose();
  }
}

/** An output folder that cannot be made or written to: said as a usage error is. */
export class OutDirError extends Error {}

const OUT_DIR_MESSAGES = {
  notFolder: { zh: '{dir} 是文件，不是目录：无法在此写入审查结果（--out-dir）', en: '{dir} is a file, not a folder: the audit cannot write its outputs there (--out-dir)' },
  cannotMake: { zh: '无法创建输出目录 {dir}（--out-dir）：{error}', en: 'cannot make the output folder {dir} (--out-dir): {error}' },
};

function makeOutDir(outDir: string, cwd: string, locale: Locale): void {
  const dir = path.relative(cwd, outDir) || '.';
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      // the folder itself, or a folder on its path, is a file
      let file = outDir;
      while (path.dirname(file) !== file && !existsSync(file)) file = path.dirname(file);
      throw new OutDirError(localise(OUT_DIR_MESSAGES.notFolder, locale, { dir: path.relative(cwd, file) || '.' }));
    }
    throw new OutDirError(localise(OUT_DIR_MESSAGES.cannotMake, locale, { dir, error: code ?? (e as Error).message }));
  }
}

async function audit(o: AuditOptions, stop: Interruption): Promise<AuditOutcome> {
  const locale = o.locale;
  const outDir = path.resolve(o.cwd, o.outDir);
  // (a manifest that cannot be used stops the audit before anything is written)
  const manifest: Map<string, ManifestEntry> = o.manifest ? readManifest(path.resolve(o.cwd, o.manifest), o.locale) : new Map();
  makeOutDir(outDir, o.cwd, locale);
  removeLeftovers(outDir);
  const resultsFile = path.join(outDir, 'results.ndjson');

  // the files, without those the configuration ignores (unless named)
  const { files: expanded, unmatched } = await expandPatterns(o.paths, o.cwd);
  // the cross-report rules are known to this loader, so that their options in a configuration file are checked
  const loader =
    o.useConfig === false ? undefined : new ConfigLoader({ configFile: o.configFile && path.resolve(o.cwd, o.configFile), rules: [...allRules, ...(crossRules as unknown as Rule<unknown>[])] });
  const explicit = new Set(o.paths.map((p) => path.resolve(o.cwd, p)));
  const outDirPrefix = outDir + path.sep;
  const base = rulesKey(allRules);
  // settings of the cross-report rules do not change a file's own result
  const crossIds = new Set(crossRules.map((r) => r.id));
  const fileOverrides = Object.fromEntries(Object.entries(o.ruleOverrides ?? {}).filter(([id]) => !crossIds.has(id)));
  const common = JSON.stringify({ profile: o.profile, rules: fileOverrides, locale, read: o.read });
  const keys = new Map<string, string>();
  const keyOfConfig = new Map<string, string>();
  for (const f of expanded) {
    if (f.startsWith(outDirPrefix)) continue;
    const resolved = loader?.forFile(f);
    if (resolved?.isIgnored(f) && !explicit.has(f)) continue;
    // settings of the cross-report rules do not change a file's own result
    let own = resolved?.config;
    if (own?.rules) {
      const { rules, ...rest } = own;
      const kept = Object.entries(rules).filter(([id]) => !crossIds.has(id));
      own = kept.length ? { ...rest, rules: Object.fromEntries(kept) } : rest;
    }
    const cfg = JSON.stringify(own ?? null);
    let k = keyOfConfig.get(cfg);
    if (!k) keyOfConfig.set(cfg, (k = sha256(`${base}\0${common}\0${cfg}`)));
    keys.set(f, k);
  }
  const files = [...keys.keys()];

  const budget = o.budget ?? DEFAULT_BUDGET;
  const budgetKey = `${budget.timeoutMs}ms/${budget.memoryMb}MB`;
  const reused = o.restart ? new Set<string>() : await resumeState(resultsFile, keys, budgetKey);
  if (o.restart) rmSync(resultsFile, { force: true });
  const todo = files.filter((f) => !reused.has(f));

  const threads = Math.max(1, Math.min(o.threads ?? defaultThreads(todo.length), Math.max(1, todo.length)));
  let pool = new FilePool(threads, budget, locale);
  const passagePool = new FilePool(1, budget, locale);
  const taskFor = (file: string): FileTask => ({
    keep: 'packed',
    file,
    configFile: o.configFile && path.resolve(o.cwd, o.configFile),
    useConfig: o.useConfig,
    profile: o.profile,
    ruleOverrides: fileOverrides,
    locale,
    read: o.read,
  });

  // progress
  const total = files.length;
  let done = reused.size;
  let failed = 0;
  const started = Date.now();
  const tty = Boolean(o.progress.isTTY);
  const bar = tty
    ? new SingleBar({ format: AUDIT_MESSAGES.bar[locale], stream: o.progress as NodeJS.WritableStream, hideCursor: true, clearOnComplete: false, etaBuffer: 50 })
    : undefined;
  bar?.start(total, done, { rate: '0', failed: 0 });
  let lastLine = Date.now();
  const every = (o.progressEvery ?? 10) * 1000;
  const report = (force = false): void => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = (done - reused.size) / Math.max(elapsed, 0.001);
    if (bar) {
      bar.update(done, { rate: rate.toFixed(1), failed });
      return;
    }
    if (!force && Date.now() - lastLine < every) return;
    lastLine = Date.now();
    const eta = done >= total ? 0 : rate > 0 ? (total - done) / rate : Infinity;
    o.progress.write(`${localise(AUDIT_MESSAGES.progress, locale, { done, total, pct: total ? Math.floor((done / total) * 100) : 100, rate: rate.toFixed(1), eta: seconds(eta, locale), failed })}\n`);
  };

  // interruption: stop handing out files, stop those running; what is written stays
  stop.onStop(() => {
    pool.abortAll();
    passagePool.abortAll();
  });

  // each result is a string of 15–30 KB that the main thread writes and drops, and some of them reach
  // the old generation: V8 let that grow by 125 MB of garbage in the first 4,000 files of a 100,000-file
  // audit before it collected it; a full collection whenever it has grown by 32 MB keeps it small
  const filesHeap = new HeapGuard(32, 64);
  let showProgress = true;
  /** Check `list` with `pool`, appending each file's line to results.ndjson as soon as it is done. */
  const checkFiles = async (list: string[]): Promise<void> => {
    const fd = openSync(resultsFile, 'a');
    const threads = pool.threads;
    try {
      if (list.length > 0 && !stop.stopped) await pool.warm();
      let next = 0;
      const worker = async (): Promise<void> => {
        while (!stop.stopped && next < list.length) {
          const first = next;
          next += batchSize(list.length - next, threads);
          const batch = list.slice(first, next);
          let checked;
          try {
            checked = await pool.checkBatch(batch.map(taskFor));
          } catch (e) {
            if (stop.stopped) return;
            throw e;
          }
          if (stop.stopped) return;
          checked.forEach((one, k) => record(batch[k]!, one));
        }
      };
      const record = (file: string, checked: FileOutcome | PackedOutcome): void => {
        let st = { size: 0, mtimeMs: 0 };
        try {
          const s = statSync(file);
          st = { size: s.size, mtimeMs: s.mtimeMs };
        } catch {
          // gone since: the record says it could not be read
        }
        // (a file over budget comes back as an object)
        const outcome = 'packed' in checked ? checked : packOutcome(checked);
        const body = attribute({ report: outcome.report, kind: outcome.kind }, manifest.get(file));
        const audit: AuditRecord['audit'] = { sha256: outcome.sha256, size: st.size, mtimeMs: st.mtimeMs, key: keys.get(file)!, budget: budgetKey, fingerprint: outcome.fingerprint };
        // the result as the worker wrote it, then the body and the state: the line JSON.stringify gives for the whole record
        writeSync(fd, `${outcome.packed.slice(0, -1)},"body":${JSON.stringify(body)},"audit":${JSON.stringify(audit)}}\n`);
        if (outcome.fatal) failed++;
        done++;
        filesHeap.tick();
        if (showProgress) report();
      };
      // as many batches in flight as threads, so memory stays flat however many files there are
      await Promise.all(Array.from({ length: threads }, () => worker()));
    } catch (e) {
      await pool.close();
      throw e;
    } finally {
      closeSync(fd);
    }
    // the threads and their heaps are let go before the checks across reports: those hold every report's fingerprint and tables
    await pool.close();
  };
  await checkFiles(todo);
  if (!bar) report(true);
  bar?.stop();
  showProgress = false;

  const emptyTotals = (): Totals => ({ files: total, checked: done - reused.size, reused: reused.size, errors: 0, warnings: 0, filesWithErrors: 0, failed: stop.stopped ? failed : 0, tooComplex: 0, bodies: 0, unattributed: 0, byRule: {}, crossReport: {} });
  const stopped = (): AuditOutcome => {
    o.progress.write(`${localise(AUDIT_MESSAGES.interrupted, locale, { done, dir: path.relative(o.cwd, outDir) || '.' })}\n`);
    return { exitCode: 130, interrupted: true, totals: emptyTotals() };
  };
  if (stop.stopped) return stopped();

  // one pass over the results: where each file's line is, and what the checks across reports need
  o.progress.write(`${localise(AUDIT_MESSAGES.across, locale, { files: total })}\n`);
  const index = new Map<string, { offset: number; length: number }>();
  const inputs: CrossReportInput[] = [];
  const inputAt = new Map<string, number>();
  const heap = new HeapGuard();
  let read = 0;
  /** Read the results from byte `from` on; false when stopped. */
  const readResults = async (from: number): Promise<boolean> => {
    for (const { offset, length, value } of readLines(resultsFile, from)) {
      heap.tick();
      // now and then, let a Ctrl-C be heard
      if (++read % 2000 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (stop.stopped) return false;
      }
      const rec = value as AuditRecord;
      if (!keys.has(rec.filePath)) continue;
      const at = inputAt.get(rec.filePath);
      index.set(rec.filePath, { offset, length });
      const input: CrossReportInput = {
        file: rec.filePath,
        body: rec.body,
        generation: rec.report?.profile ?? null,
        tables: pruneTables(rec.tables, keepsWholeTables(rec.body)),
        // once each and sorted here, a report at a time, not all at once by copied-text
        fingerprint: uniqueSentences(rec.audit.fingerprint),
        findings: rec.messages.filter((m) => m.ruleId === 'publish-date').map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, actual: m.actual, expected: m.expected, severity: m.severity })),
      };
      if (at !== undefined) inputs[at] = input;
      else inputAt.set(rec.filePath, inputs.push(input) - 1);
    }
    return true;
  };
  if (!(await readResults(0))) return stopped();
  // a file kept from an earlier run whose line does not read after all (changed by hand since; see
  // stateOf): checked again, and its new line read
  const lost = files.filter((f) => !index.has(f));
  if (lost.length > 0 && !stop.stopped) {
    for (const f of lost) reused.delete(f);
    done -= lost.length;
    const end = statSync(resultsFile).size;
    pool = new FilePool(Math.min(threads, lost.length), budget, locale);
    await checkFiles(lost);
    if (stop.stopped || !(await readResults(end))) return stopped();
  }
  inputs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  // the cross-report rules as the configuration of the first path audited sets them, then as --rule does
  const ruleConfig: Record<string, RuleEntry> = {};
  const configured = loader ? crossConfig(loader, path.resolve(o.cwd, o.paths[0] ?? '.')) : {};
  for (const r of crossRules) {
    const entry = o.ruleOverrides?.[r.id] ?? configured[r.id];
    if (entry !== undefined) ruleConfig[r.id] = entry;
  }
  const absent = [...manifest.values()].filter((e) => !keys.has(e.file)).map((e) => ({ ...e, key: normaliseBodyName(e.body) }));
  const lines = new LineReader(resultsFile);
  const wholeTables = (r: CrossReportInput): AuditTable[] => {
    const at = index.get(r.file);
    return keepsWholeTables(r.body) || !at ? r.tables : pruneTables((JSON.parse(lines.read(at).toString('utf8')) as AuditRecord).tables, true);
  };
  const cross: CrossFinding[] = await runCrossRules(inputs, {
    locale,
    ruleConfig,
    absent,
    // the copied passages are read again from the few files copied-text pairs, by one thread started only then
    passages: (file, hashes) => passagePool.sentences(taskFor(file), hashes),
    wholeTables,
  }).finally(() => lines.close());
  await passagePool.close();
  if (stop.stopped) return stopped();
  cross.push(...latePublication(inputs, locale));
  const unattributed = inputs.filter((i) => !i.body.key || i.body.year === null).map((i) => i.file);
  // what the checks across reports needed is let go before the summaries are written: the two stages never hold their data at once
  inputs.length = 0;
  inputAt.clear();

  // the outputs, file by file in path order
  const summary = new SummaryWriter(outDir, locale, [...allRules.map((r) => r.id), ...crossRules.map((r) => r.id)]);
  await summary.open();
  const crossByFile = new Map<string, Set<string>>();
  for (const f of cross) for (const file of f.files) (crossByFile.get(file) ?? crossByFile.set(file, new Set()).get(file)!).add(f.ruleId);
  const totals = emptyTotals();
  const bodies = new Map<string, { key: string; name: string; level?: string; parent?: string; kind: string | null; reports: { year: number | null; file: string }[] }>();
  const area: AreaTables = {};
  const sorted = temporaryFile(resultsFile, 'sorted');
  const reader = new LineReader(resultsFile);
  const wfd = openSync(sorted, 'w');
  const order = [...index.keys()].sort();
  let exitCode = 0;
  try {
    let n = 0;
    // (a line now, then one every `every` as the progress lines of the files)
    const writing = (done: number): void => {
      lastLine = Date.now();
      o.progress.write(`${localise(AUDIT_MESSAGES.writing, locale, { done, total: order.length })}\n`);
    };
    writing(0);
    for (const file of order) {
      // now and then, let the workbook's compressed stream drain to disk, and say how far it is
      if (++n % 500 === 0) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (stop.stopped) break;
        if (Date.now() - lastLine >= every) writing(n - 1);
      }
      heap.tick();
      const bytes = reader.read(index.get(file)!);
      writeSync(wfd, bytes);
      writeSync(wfd, '\n');
      const line = bytes.toString('utf8');
      const rec = JSON.parse(line) as AuditRecord;
      totals.errors += rec.errorCount;
      totals.warnings += rec.warningCount;
      if (rec.errorCount > 0) totals.filesWithErrors++;
      if (rec.messages.some((m: LintMessage) => m.fatal)) {
        totals.failed++;
        exitCode = 2;
      } else if (rec.errorCount > 0 && exitCode === 0) exitCode = 1;
      for (const m of rec.messages) {
        if (m.ruleId) totals.byRule[m.ruleId] = (totals.byRule[m.ruleId] ?? 0) + 1;
        if (m.ruleId === 'file-too-complex') totals.tooComplex++;
      }
      if (rec.body.key && rec.body.year !== null) {
        const b = bodies.get(rec.body.key) ?? { key: rec.body.key, name: rec.body.name!, level: rec.body.level, parent: rec.body.parent, kind: rec.body.kind, reports: [] };
        b.reports.push({ year: rec.body.year, file: rec.filePath });
        bodies.set(rec.body.key, b);
      } else totals.unattributed++;
      addToArea(area, rec);
      summary.row(rec, crossByFile.get(rec.filePath) ?? new Set(), line);
    }
  } finally {
    reader.close();
    closeSync(wfd);
  }
  // stopped: results.ndjson stays as it was, and the summaries of an earlier run too
  const abandon = (): AuditOutcome => {
    rmSync(sorted, { force: true });
    summary.abandon();
    return stopped();
  };
  if (stop.stopped) return abandon();
  renameSync(sorted, resultsFile);
  totals.bodies = bodies.size;
  for (const f of cross) totals.crossReport[f.ruleId] = (totals.crossReport[f.ruleId] ?? 0) + 1;
  if (cross.some((f) => f.severity === 'error') && exitCode === 0) exitCode = 1;
  const manifestMissing = [...manifest.keys()].filter((f) => !keys.has(f));
  const finished = await summary.finish(
    {
      cross,
      totals,
      bodies: [...bodies.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
      area,
      unattributed,
      manifestMissing,
      unmatched,
    },
    () => stop.stopped,
  );
  if (!finished) return abandon();
  o.progress.write(
    `${localise(AUDIT_MESSAGES.done, locale, { files: total, checked: totals.checked, reused: totals.reused, errors: totals.errors, warnings: totals.warnings, cross: cross.length, dir: path.relative(o.cwd, outDir) || '.' })}\n`,
  );
  return { exitCode, interrupted: false, totals };
}

/** The settings of the cross-report rules in the configuration that applies to a path (a folder, or a file's folder). */
function crossConfig(loader: ConfigLoader, target: string): Record<string, RuleEntry> {
  let dir = target;
  try {
    if (!statSync(target).isDirectory()) dir = path.dirname(target);
  } catch {
    dir = path.dirname(target);
  }
  const rules = loader.forDirectory(dir).config.rules ?? {};
  const out: Record<string, RuleEntry> = {};
  for (const r of crossRules) if (rules[r.id] !== undefined) out[r.id] = rules[r.id]!;
  return out;
}

const LATE = {
  zh: '{count} 个机关的年报晚于公开期限：{bodies}',
  en: '{count} bodies published their reports after the deadline: {bodies}',
};

/** `publish-date` across the set: which bodies published after the deadline. */
/**
 * publish-date across the set: the bodies whose reports were published late, each body once (a body
 * whose report is in the set twice is one body), with every late file.
 */
export function latePublication(inputs: CrossReportInput[], locale: Locale): CrossFinding[] {
  const late = inputs.filter((i) => i.findings.some((f) => f.ruleId === 'publish-date' && /^late/.test(f.messageId ?? '')));
  if (late.length === 0) return [];
  const bodies = new Map<string, string>();
  for (const i of late) {
    const key = i.body.key ?? i.file;
    if (!bodies.has(key)) bodies.set(key, i.body.name ?? path.basename(i.file));
  }
  const names = [...bodies.values()];
  const shown = names.slice(0, 20).join('、') + (names.length > 20 ? '…' : '');
  return [{ ruleId: 'publish-date', severity: 'warning', messageId: 'late', message: localise(LATE, locale, { count: names.length, bodies: shown }), files: late.map((i) => i.file) }];
}
