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

/**
 * Read the lines of an NDJSON file with their byte offsets and lengths; lines that are not whole
 * JSON are skipped. The file is read in blocks, synchronously: a line goes from the block to
 * `JSON.parse` and to its caller before the next is read, with no queue of lines and no promise
 * per line between them (an audit's results run to gigabytes).
 */
export function* readLines(file: string): Generator<{ line: string; offset: number; length: number; value: unknown }> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return;
  }
  try {
    let buf = Buffer.allocUnsafe(1 << 20);
    let held = 0; // bytes of the file in buf
    let base = 0; // the file offset of buf[0]
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
      const line = buf.toString('utf8', from, end > from && buf[end - 1] === 13 ? end - 1 : end);
      from = end + 1;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      yield { line, offset, length, value };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Keep the lines of a previous run that still hold: the file is among those to check, unchanged
 * (same size and modification time) and its key is the same. Rewrites the file with those lines
 * only (through a temporary file and a rename) and returns the files kept.
 */
export async function resumeState(file: string, wanted: Map<string, string>, budget: string): Promise<Set<string>> {
  const kept = new Set<string>();
  if (!existsSync(file)) return kept;
  // one pass decides, for the last line of each file (a file re-checked after a change appears
  // again), whether it still holds; a second copies those lines as they are, without reading them
  // as JSON again (only a line whose modification time changes is written anew)
  const keep = new Map<string, { offset: number; length: number; mtimeMs?: number } | null>();
  const heap = new HeapGuard();
  for (const { offset, length, value } of readLines(file)) {
    heap.tick();
    const v = value as Partial<StateLine>;
    if (typeof v.filePath !== 'string' || !v.audit) continue;
    const mtimeMs = holds(v as StateLine, value, wanted, budget);
    keep.set(v.filePath, mtimeMs === undefined ? null : mtimeMs === v.audit.mtimeMs ? { offset, length } : { offset, length, mtimeMs });
  }
  const lines = [...keep].filter((e): e is [string, { offset: number; length: number; mtimeMs?: number }] => e[1] !== null).sort((a, b) => a[1].offset - b[1].offset);
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

/**
 * Whether a file's result still holds: the file is among those to check with the same key, was
 * not over budget under another budget, and is unchanged — the same size, and the same
 * modification time or else the same content. Returns the file's modification time if so.
 */
function holds(v: StateLine, value: unknown, wanted: Map<string, string>, budget: string): number | undefined {
  const key = wanted.get(v.filePath);
  if (key === undefined || v.audit.key !== key) return undefined;
  // a file that was over budget is tried again when the budget changes
  const over = (value as { messages?: { ruleId?: string }[] }).messages?.some((m) => m.ruleId === 'file-too-complex' || m.ruleId === 'internal-error');
  if (over && v.audit.budget !== budget) return undefined;
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
