import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LintMessage, LintResult, SuppressedMessage } from './diagnostic.js';
import { ConfigError } from './config/error.js';

/**
 * Bulk suppressions, as ESLint 9 has them: `ogi-lint --suppress-all` (or `--suppress-rule id`)
 * writes `ogi-lint-suppressions.json`, the number of findings of each rule in each file; later
 * runs report only what goes beyond those counts. This is how a finding is accepted in a report
 * that cannot carry a comment (Word, PDF), and how a batch of old reports is taken as it is.
 *
 * While a file has no more findings of a rule than counted, they are all suppressed; once it has
 * more, all of them are reported, since nothing says which ones are new.
 */

export { SUPPRESSIONS_FILENAME } from './cli/names.js';

/** file (relative to the folder of the suppressions file, `/`-separated) → rule id → count */
export type Suppressions = Record<string, Record<string, { count: number }>>;

const key = (filePath: string, base: string): string => path.relative(base, path.resolve(base, filePath)).split(path.sep).join('/');

/** Read a suppressions file; none yet is an empty set. Throws ConfigError for a damaged file. */
export function loadSuppressions(file: string): Suppressions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ConfigError({ zh: `${file}：无法读取抑制文件（${why}）`, en: `${file}: cannot read the suppressions file (${why})` });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError({ zh: `${file}：不是合法的 JSON：${(e as Error).message}`, en: `${file}: not valid JSON: ${(e as Error).message}` });
  }
  const ok =
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    Object.values(data).every(
      (rules) =>
        typeof rules === 'object' &&
        rules !== null &&
        Object.values(rules as object).every((r) => typeof r === 'object' && r !== null && Number.isInteger((r as { count?: unknown }).count) && (r as { count: number }).count > 0),
    );
  if (!ok)
    throw new ConfigError({
      zh: `${file}：抑制文件应把每个文件对应到规则，每条规则写作 {"count": n}（n ≥ 1）`,
      en: `${file}: a suppressions file maps each file to rule ids, each with {"count": n} (n ≥ 1)`,
    });
  return data as Suppressions;
}

/** Write a suppressions file (through a temporary file and a rename), files and rules sorted. */
export function saveSuppressions(file: string, s: Suppressions): void {
  const sorted: Suppressions = {};
  for (const f of Object.keys(s).sort()) {
    const rules = Object.keys(s[f]!).sort();
    if (rules.length) sorted[f] = Object.fromEntries(rules.map((r) => [r, { count: s[f]![r]!.count }]));
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(tmp, file);
}

const suppressible = (m: LintMessage): m is LintMessage & { ruleId: string } => m.ruleId !== null;

/**
 * The suppressions that accept every finding of the results now (`rules` undefined: every rule;
 * else those rules only), added to `existing`: the counts of the rules recorded are replaced, the
 * other entries are kept.
 */
export function recordSuppressions(results: LintResult[], base: string, existing: Suppressions, rules?: ReadonlySet<string>): Suppressions {
  const out: Suppressions = structuredClone(existing);
  for (const r of results) {
    const f = key(r.filePath, base);
    const counts = new Map<string, number>();
    for (const m of r.messages) if (suppressible(m) && (!rules || rules.has(m.ruleId))) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
    const entry = { ...(out[f] ?? {}) };
    for (const id of rules ?? Object.keys(entry)) delete entry[id];
    for (const [id, n] of counts) entry[id] = { count: n };
    if (Object.keys(entry).length) out[f] = entry;
    else delete out[f];
  }
  return out;
}

function counted(r: LintResult): LintResult {
  const ms = r.messages;
  return {
    ...r,
    errorCount: ms.filter((m) => m.severity === 2).length,
    warningCount: ms.filter((m) => m.severity === 1).length,
    fixableErrorCount: ms.filter((m) => m.severity === 2 && m.fix).length,
    fixableWarningCount: ms.filter((m) => m.severity === 1 && m.fix).length,
    fatalErrorCount: ms.filter((m) => m.fatal).length,
  };
}

/** The results with the suppressions file applied, and the entries it no longer needs. */
export interface Applied {
  results: LintResult[];
  /** entries that no longer match as many findings as they count (file, rule, counted, found) */
  unused: { file: string; rule: string; count: number; found: number }[];
}

/** Leave out the findings the suppressions accept; they move to `suppressedMessages`. */
export function applySuppressions(results: LintResult[], s: Suppressions, base: string): Applied {
  // (no suppressions file, the usual case: nothing to look up for each result)
  if (Object.keys(s).length === 0) return { results, unused: [] };
  const unused: Applied['unused'] = [];
  const seen = new Set<string>();
  const out = results.map((r) => {
    const f = key(r.filePath, base);
    const entry = s[f];
    if (!entry) return r;
    seen.add(f);
    const found = new Map<string, number>();
    for (const m of r.messages) if (suppressible(m)) found.set(m.ruleId, (found.get(m.ruleId) ?? 0) + 1);
    const accepted = new Set(Object.keys(entry).filter((id) => (found.get(id) ?? 0) <= entry[id]!.count));
    for (const [id, { count }] of Object.entries(entry)) if ((found.get(id) ?? 0) < count) unused.push({ file: f, rule: id, count, found: found.get(id) ?? 0 });
    const kept: LintMessage[] = [];
    const suppressed: SuppressedMessage[] = [...(r.suppressedMessages ?? [])];
    for (const m of r.messages) {
      if (suppressible(m) && accepted.has(m.ruleId)) suppressed.push({ ...m, suppressions: [{ kind: 'file', justification: '' }] });
      else kept.push(m);
    }
    return counted({ ...r, messages: kept, suppressedMessages: suppressed });
  });
  return { results: out, unused };
}

/** The suppressions without the counts no finding needs any more (--prune-suppressions). */
export function pruneSuppressions(s: Suppressions, results: LintResult[], base: string): Suppressions {
  const out: Suppressions = structuredClone(s);
  for (const r of results) {
    const f = key(r.filePath, base);
    const entry = out[f];
    if (!entry) continue;
    const found = new Map<string, number>();
    for (const m of [...r.messages, ...(r.suppressedMessages ?? []).filter((x) => x.suppressions.some((k) => k.kind === 'file'))]) {
      if (suppressible(m)) found.set(m.ruleId, (found.get(m.ruleId) ?? 0) + 1);
    }
    for (const id of Object.keys(entry)) {
      const n = found.get(id) ?? 0;
      if (n === 0) delete entry[id];
      else if (n < entry[id]!.count) entry[id] = { count: n };
    }
    if (Object.keys(entry).length === 0) delete out[f];
  }
  return out;
}
