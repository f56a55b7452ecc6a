import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, renameSync, statSync, writeSync, openSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Rule } from '../rules/types.js';
import { builtinProfiles } from '../config/profiles.js';
import { packageInfo } from '../output/sarif.js';

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

export interface StateLine {
  filePath: string;
  audit: { sha256: string; size: number; mtimeMs: number; key: string; budget?: string };
}

/** Read the lines of an NDJSON file with their byte offsets; lines that are not whole JSON are skipped. */
export async function* readLines(file: string): AsyncGenerator<{ line: string; offset: number; value: unknown }> {
  if (!existsSync(file)) return;
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let offset = 0;
  for await (const line of rl) {
    const at = offset;
    offset += Buffer.byteLength(line) + 1;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    yield { line, offset: at, value };
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
  // the last line of a file wins (a file re-checked after a change appears again)
  const last = new Map<string, number>();
  let n = 0;
  for await (const { value } of readLines(file)) {
    const v = value as Partial<StateLine>;
    if (typeof v.filePath === 'string' && v.audit) last.set(v.filePath, n);
    n++;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    n = 0;
    for await (const { line, value } of readLines(file)) {
      const i = n++;
      const v = value as Partial<StateLine>;
      if (typeof v.filePath !== 'string' || !v.audit || last.get(v.filePath) !== i) continue;
      const key = wanted.get(v.filePath);
      if (key === undefined || v.audit.key !== key) continue;
      // a file that was over budget is tried again when the budget changes
      const over = (value as { messages?: { ruleId?: string }[] }).messages?.some((m) => m.ruleId === 'file-too-complex' || m.ruleId === 'internal-error');
      if (over && v.audit.budget !== budget) continue;
      let st;
      try {
        st = statSync(v.filePath);
      } catch {
        continue;
      }
      if (st.size !== v.audit.size) continue;
      let out = line;
      if (st.mtimeMs !== v.audit.mtimeMs) {
        // touched or copied: the content decides
        if (!v.audit.sha256 || sha256Of(v.filePath) !== v.audit.sha256) continue;
        out = JSON.stringify({ ...(value as object), audit: { ...v.audit, mtimeMs: st.mtimeMs } });
      }
      writeSync(fd, `${out}\n`);
      kept.add(v.filePath);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return kept;
}
