import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import type { Rule } from '../rules/types.js';
import { builtinProfiles } from '../config/profiles.js';
import { packageInfo } from '../output/sarif.js';
import { HeapGuard } from '../util/heap.js';

/**
 * The state of an audit is its results.ndjson: each line is one file's result with, under
 * `audit`, the file's content hash, size and modification time and the key of the configuration
 * and rules it was checked with. A line is written in one call when its file is done, so an
 * interrupted audit leaves whole lines (at most a cut-off last line after a hard kill, which is
 * dropped). A re-run keeps the lines whose file and key are unchanged and checks only the rest.
 */

export function sha256Of(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** What the results depend on besides the file and its configuration: ogi-lint's version, its rules and its profiles. */
export function rulesKey(rules: Rule<unknown>[]): string {
  const parts = [packageInfo().version];
  for (const r of rules) parts.push(r.id, r.severity, JSON.stringify(r.defaultOptions), JSON.stringify(r.messages), r.check.toString());
  for (const [id, p] of builtinProfiles()) parts.push(id, JSON.stringify(p));
  return sha256(parts.join('\0'));
}

/** A temporary file beside `file`, named with this process's id (`removeLeftovers` knows them by it). */
export function temporaryFile(file: string, kind: 'tmp' | 'sorted' = 'tmp'): string {
  return `${file}.${process.pid}.${kind}`;
}

/** The temporary files an audit writes in its output folder (`temporaryFile`; a workbook's spool after its own). */
const TEMPORARY = /^(?:results\.ndjson|audit\.json|summary\.(?:csv|html|xlsx))\.(\d+)\.(?:tmp|sorted|tmp\.tables)$/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: there is such a process, of another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files that audits killed before they could (SIGKILL, or Ctrl-C while they
 * read their state) left in `dir`; those of a process still running are left alone. Returns the
 * names removed.
 */
export function removeLeftovers(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m || Number(m[1]) === process.pid || running(Number(m[1]))) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // not ours to remove after all
    }
  }
  return removed;
}

export interface StateLine {
  filePath: string;
  audit: { sha256: string; size: number; mtimeMs: number; key: string; budget?: string };
}

/** A line of an NDJSON file as `readRawLines` gives it. */
export interface RawLine {
  /** the line's bytes, without its line break: a view into the reader's block, good until the next line is asked for */
  bytes: Buffer;
  /** where the line starts in the file, and its length in bytes (a `\r` before the line break counted) */
  offset: number;
  length: number;
  /** the line ends in a line break: it was written whole (the last line of a file cut off by a hard kill does not) */
  ended: boolean;
}

/**
 * The lines of an NDJSON file with their byte offsets and lengths, empty ones left out, as bytes;
 * from byte `start` on (the start of a line).
 * The file is read in blocks, synchronously: a line goes from the block to its caller before the
 * next is read, with no queue of lines and no promise per line between them (an audit's results
 * run to gigabytes).
 */
export function* readRawLines(file: string, start = 0): Generator<RawLine> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return;
  }
  try {
    let buf = Buffer.allocUnsafe(1 << 20);
    let held = 0; // bytes of the file in buf
    let base = start; // the file offset of buf[0]
    let from = 0; // where the next line starts in buf
    let eof = false;
    for (;;) {
      let nl = buf.indexOf(10, from);
      if (nl >= held) nl = -1;
      let end = nl;
      if (nl < 0) {
        if (!eof) {
          // keep the start of the line, make room (a longer line than the buffer: a larger buffer), read on
          if (from > 0) {
            buf.copy(buf, 0, from, held);
            held -= from;
            base += from;
            from = 0;
          }
          if (held === buf.length) {
            const larger = Buffer.allocUnsafe(buf.length * 2);
            buf.copy(larger, 0, 0, held);
            buf = larger;
          }
          const n = readSync(fd, buf, held, buf.length - held, base + held);
          if (n === 0) eof = true;
          else held += n;
          continue;
        }
        // the last line, without a line break (cut off by a hard kill, or written by hand)
        if (from >= held) return;
        end = held;
      }
      const offset = base + from;
      const length = end - from;
      const bytes = buf.subarray(from, end > from && buf[end - 1] === 13 ? end - 1 : end);
      from = end + 1;
      if (isBlank(bytes)) continue;
      yield { bytes, offset, length, ended: nl >= 0 };
    }
  } finally {
    closeSync(fd);
  }
}

/** Whether a line holds only white space (JSON's: space, tab, line breaks). */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * Read the lines of an NDJSON file with their byte offsets and lengths, each parsed; lines that
 * are not whole JSON are skipped (see readRawLines).
 */
export function* readLines(file: string, start = 0): Generator<{ line: string; offset: number; length: number; value: unknown }> {
  for (const { bytes, offset, length } of readRawLines(file, start)) {
    const line = bytes.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    yield { line, offset, length, value };
  }
}

/**
 * Keep the lines of a previous run that still hold: the file is among those to check, unchanged
 * (same size and modification time) and its key is the same. Rewrites the file with those lines
 * only (through a temporary file and a rename), unless it holds nothing else, and returns the files kept.
 */
export async function resumeState(file: string, wanted: Map<string, string>, budget: string): Promise<Set<string>> {
  const kept = new Set<string>();
  if (!existsSync(file)) return kept;
  // one pass decides, for the last line of each file (a file re-checked after a change appears
  // again), whether it still holds; a second copies those lines as they are, without reading them
  // as JSON again (only a line whose modification time changes is written anew)
  const keep = new Map<string, { offset: number; length: number; mtimeMs?: number } | null>();
  const heap = new HeapGuard();
  for (const raw of readRawLines(file)) {
    heap.tick();
    const st = stateOf(raw);
    if (!st) continue;
    const { line: v, overBudget } = st;
    const { offset, length } = raw;
    const mtimeMs = holds(v, overBudget, wanted, budget);
    keep.set(v.filePath, mtimeMs === undefined ? null : mtimeMs === v.audit.mtimeMs ? { offset, length } : { offset, length, mtimeMs });
  }
  const lines = [...keep].filter((e): e is [string, { offset: number; length: number; mtimeMs?: number }] => e[1] !== null).sort((a, b) => a[1].offset - b[1].offset);
  // every line kept as it is, one after another from the start to the end: the file is already what
  // would be written (a re-run that changes nothing copies no gigabytes)
  let end = 0;
  for (const [, at] of lines) {
    if (at.offset !== end || at.mtimeMs !== undefined) break;
    end += at.length + 1;
  }
  if (end === statSync(file).size) {
    for (const [path] of lines) kept.add(path);
    return kept;
  }
  const tmp = temporaryFile(file);
  const fd = openSync(tmp, 'w');
  const rfd = openSync(file, 'r');
  try {
    let buf = Buffer.alloc(1 << 16);
    for (const [path, at] of lines) {
      heap.tick();
      if (buf.length < at.length + 1) buf = Buffer.alloc(at.length * 2 + 1);
      readSync(rfd, buf, 0, at.length, at.offset);
      if (at.mtimeMs === undefined) {
        buf[at.length] = 10;
        writeSync(fd, buf, 0, at.length + 1);
      } else {
        const value = JSON.parse(buf.toString('utf8', 0, at.length)) as StateLine;
        writeSync(fd, `${JSON.stringify({ ...value, audit: { ...value.audit, mtimeMs: at.mtimeMs } })}\n`);
      }
      kept.add(path);
    }
  } finally {
    closeSync(rfd);
    closeSync(fd);
  }
  renameSync(tmp, file);
  return kept;
}

const HEAD = Buffer.from('{"filePath":"');
const AUDIT = Buffer.from(',"audit":');
const OVER_BUDGET = [Buffer.from('"ruleId":"file-too-complex"'), Buffer.from('"ruleId":"internal-error"')];

/**
 * What resumeState needs of a line: the file, its `audit`, and whether it was over budget (a
 * finding of `file-too-complex` or `internal-error`); undefined for a line that is not whole JSON
 * or names no file.
 *
 * An audit writes each line in one piece, with JSON.stringify's spelling, `filePath` its first key and
 * `audit` its last. Of such a line (one ended by a line break, with neither finding) only those two
 * are read: the file's name from the start, `audit` from the end. A line of 15 KB is not decoded nor
 * parsed whole for them, and a re-run over many files reads its state several times faster. Any
 * other line is parsed whole, as is one whose two pieces do not read as they should.
 */
export function stateOf(raw: RawLine): { line: StateLine; overBudget: boolean } | undefined {
  const b = raw.bytes;
  if (raw.ended && b[b.length - 1] === 0x7d && b.subarray(0, HEAD.length).equals(HEAD) && !OVER_BUDGET.some((o) => b.includes(o))) {
    // the end of the file's name: the first `"` not escaped (in UTF-8 a `"` or `\` byte is always that character)
    let q = HEAD.length;
    while (q < b.length && b[q] !== 0x22) q += b[q] === 0x5c ? 2 : 1;
    const cut = b.lastIndexOf(AUDIT);
    if (q < b.length && b[q + 1] === 0x2c && cut > q) {
      try {
        const filePath = JSON.parse(b.toString('utf8', HEAD.length - 1, q + 1)) as unknown;
        const audit = JSON.parse(b.toString('utf8', cut + AUDIT.length, b.length - 1)) as Partial<StateLine['audit']> | null;
        if (typeof filePath === 'string' && isAudit(audit)) return { line: { filePath, audit }, overBudget: false };
      } catch {
        // read whole below
      }
    }
  }
  let value: { filePath?: unknown; audit?: unknown; messages?: { ruleId?: string }[] };
  try {
    value = JSON.parse(b.toString('utf8')) as typeof value;
  } catch {
    return undefined;
  }
  if (typeof value?.filePath !== 'string' || !value.audit) return undefined;
  const overBudget = Array.isArray(value.messages) && value.messages.some((m) => m?.ruleId === 'file-too-complex' || m?.ruleId === 'internal-error');
  return { line: { filePath: value.filePath, audit: value.audit as StateLine['audit'] }, overBudget };
}

function isAudit(a: unknown): a is StateLine['audit'] {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  const x = a as Record<string, unknown>;
  return typeof x.size === 'number' && typeof x.mtimeMs === 'number' && typeof x.key === 'string' && (x.sha256 === undefined || typeof x.sha256 === 'string');
}

/**
 * Whether a file's result still holds: the file is among those to check with the same key, was
 * not over budget under another budget, and is unchanged — the same size, and the same
 * modification time or else the same content. Returns the file's modification time if so.
 */
function holds(v: StateLine, overBudget: boolean, wanted: Map<string, string>, budget: string): number | undefined {
  const key = wanted.get(v.filePath);
  if (key === undefined || v.audit.key !== key) return undefined;
  // a file that was over budget is tried again when the budget changes
  if (overBudget && v.audit.budget !== budget) return undefined;
  let st;
  try {
    st = statSync(v.filePath);
  } catch {
    return undefined;
  }
  if (st.size !== v.audit.size) return undefined;
  // touched or copied: the content decides
  if (st.mtimeMs !== v.audit.mtimeMs && !(v.audit.sha256 && sha256Of(v.filePath) === v.audit.sha256)) return undefined;
  return st.mtimeMs;
}
