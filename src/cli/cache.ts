import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigLoader } from '../config/load.js';
import { vocabularySource } from '../config/data.js';
import type { LintResult } from '../diagnostic.js';
import type { LintFilesOptions } from '../lint-files.js';
import { rulesKey, sha256, sha256Of } from '../audit/state.js';
import { allRules } from '../../rules/index.js';
import { CACHE_FILENAME, type CacheStrategy } from './names.js';

/**
 * `--cache`: the results of files that have not changed since the last run are taken from a cache
 * file instead of reading and checking the files again, as ESLint's `--cache` does.
 *
 * Each entry is keyed by the file's path (relative to the cache file's folder) and holds the file's
 * size and modification time (`metadata` strategy) or its SHA-256 (`content`), the key of
 * everything else the result depends on, and the result itself. That key covers ogi-lint's
 * version, its rules, profiles, vocabularies and code, the configuration resolved for the file
 * (rules, severities, options, profile, overrides, settings, extra profiles) and the options of
 * the run (--rule, --profile, --year, --locale, --encoding, --max-file-size, --no-inline-config,
 * --report-unused-disable-directives).
 *
 * Not stored: results with a fatal message (a file that could not be read or parsed is checked
 * again on every run, since what kept it from being read may have been passing: a lock, a
 * permission), results over the worker budget, and results that carry fixed text (`--fix` wrote
 * the file, or `--fix-dry-run` showed what it would write: their findings describe the text
 * before the fixes). A file whose cached result has fixable findings is checked again under
 * `--fix` and `--fix-dry-run`, so that its fixes can be applied.
 *
 * The cache file is written through a temporary file and a rename; one that cannot be read or
 * parsed, or was written by another version of the cache format, is ignored and replaced.
 */

export { CACHE_FILENAME, CACHE_STRATEGIES, type CacheStrategy } from './names.js';

/** Version of the cache file's layout; a file of another version is started afresh. */
const FORMAT = 1;

/** Findings that depend on the worker budget of a run rather than on the file. */
const BUDGET_RULES = new Set(['file-too-complex', 'internal-error']);

interface Entry {
  size: number;
  mtimeMs: number;
  sha256?: string;
  key: string;
  result: Omit<LintResult, 'source' | 'stats' | 'output'>;
}

interface CacheData {
  format: number;
  files: Record<string, Entry>;
}

/**
 * Where the cache is: `--cache-location` names a file, or a folder when it ends in a slash or is
 * an existing folder (then the file in it is named after the working folder, so that several
 * projects can share one cache folder, as in ESLint).
 */
export function cacheFilePath(cwd: string, location?: string): string {
  if (location === undefined || location === '') return path.join(cwd, CACHE_FILENAME);
  const abs = path.resolve(cwd, location);
  let folder = /[\\/]$/.test(location);
  if (!folder) {
    try {
      folder = statSync(abs).isDirectory();
    } catch {
      folder = false;
    }
  }
  return folder ? path.join(abs, `${CACHE_FILENAME}_${sha256(cwd).slice(0, 12)}`) : abs;
}

let codeKey: string | undefined;

/**
 * What the results depend on in ogi-lint itself: version, rules, built-in profiles (rulesKey),
 * the vocabularies, and the size and modification time of each of its compiled files (so that a
 * rebuilt ogi-lint of the same version does not reuse results of the old code).
 */
function toolKey(): string {
  if (codeKey) return codeKey;
  const parts = [rulesKey(allRules)];
  const vocabularyDir = path.dirname(vocabularySource('x').where);
  try {
    for (const f of readdirSync(vocabularyDir).sort()) if (f.endsWith('.json')) parts.push(f, readFileSync(path.join(vocabularyDir, f), 'utf8'));
  } catch {
    // no vocabulary folder: the code stamp below still changes with a new version
  }
  // this file is src/cli/cache.(js|ts): its code is under src/ and rules/ two folders up
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts|json)$/.test(e.name)) {
        const st = statSync(p);
        parts.push(path.relative(root, p), String(st.size), String(st.mtimeMs));
      }
    }
  };
  walk(path.join(root, 'src'));
  walk(path.join(root, 'rules'));
  return (codeKey = sha256(parts.join('\0')));
}

/** What a file was when it was looked up: the fingerprint stored with its result. */
interface Seen {
  size: number;
  mtimeMs: number;
  sha256?: string;
  key: string;
}

export interface CacheLookupOptions {
  /** --fix or --fix-dry-run: a cached result with fixable findings is not reused */
  fix?: boolean;
}

/** The cache of one run: look files up before checking them, store the results after. */
export class LintCache {
  private data: CacheData = { format: FORMAT, files: {} };
  private readonly dir: string;
  private readonly loader: ConfigLoader | undefined;
  private readonly common: string;
  private readonly keyOfConfig = new Map<string, string>();
  private readonly seen = new Map<string, Seen>();
  /** results reused in this run */
  hits = 0;
  /** files looked up and not found (or found changed) */
  misses = 0;

  constructor(
    readonly file: string,
    readonly strategy: CacheStrategy,
    private readonly opts: LintFilesOptions,
  ) {
    this.dir = path.dirname(file);
    const cwd = path.resolve(opts.cwd ?? process.cwd());
    this.loader = opts.useConfig === false ? undefined : new ConfigLoader({ configFile: opts.configFile && path.resolve(cwd, opts.configFile), rules: opts.rules });
    this.common = JSON.stringify({
      tool: toolKey(),
      profile: opts.profile ?? null,
      reportYear: opts.reportYear ?? null,
      rules: opts.ruleOverrides ?? {},
      ruleOptions: opts.ruleOptions ?? {},
      only: opts.only ?? null,
      ruleSet: (opts.rules ?? allRules).map((r) => r.id),
      locale: opts.locale ?? null,
      read: opts.read ?? {},
      inlineConfig: opts.inlineConfig !== false,
      unused: opts.reportUnusedDisableDirectives ?? null,
      useConfig: opts.useConfig !== false,
    });
    this.data = this.read();
  }

  /** The cache file's content; anything unreadable, unparsable or of another layout gives an empty cache. */
  private read(): CacheData {
    const empty: CacheData = { format: FORMAT, files: {} };
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return empty;
    }
    const d = raw as Partial<CacheData> | null;
    if (!d || typeof d !== 'object' || d.format !== FORMAT || !d.files || typeof d.files !== 'object' || Array.isArray(d.files)) return empty;
    const files: Record<string, Entry> = {};
    for (const [name, e] of Object.entries(d.files)) {
      if (isEntry(e)) files[name] = e;
    }
    return { format: FORMAT, files };
  }

  private name(file: string): string {
    return path.relative(this.dir, file).split(path.sep).join('/');
  }

  /** The key of the configuration and run options that apply to a file. */
  private keyFor(file: string): string {
    const resolved = this.loader?.forFile(file);
    const config = JSON.stringify([resolved?.config ?? null, [...(resolved?.extraProfiles ?? new Map())]]);
    let k = this.keyOfConfig.get(config);
    if (!k) this.keyOfConfig.set(config, (k = sha256(`${this.common}\0${config}`)));
    return k;
  }

  /**
   * The stored result of a file that is unchanged and was checked with the same key, or undefined
   * (then the file's fingerprint is noted, for `store`). With the metadata strategy a hit reads
   * nothing of the file; with the content strategy the file is read only to be hashed.
   */
  lookup(filePath: string, o: CacheLookupOptions = {}): LintResult | undefined {
    const file = path.resolve(filePath);
    let st;
    try {
      st = statSync(file);
    } catch {
      this.misses++;
      return undefined;
    }
    const key = this.keyFor(file);
    const seen: Seen = { size: st.size, mtimeMs: st.mtimeMs, key };
    const entry = this.data.files[this.name(file)];
    let hit = false;
    if (this.strategy === 'content') {
      seen.sha256 = sha256Of(file);
      hit = entry !== undefined && entry.key === key && seen.sha256 !== undefined && entry.sha256 === seen.sha256;
    } else {
      hit = entry !== undefined && entry.key === key && entry.size === st.size && entry.mtimeMs === st.mtimeMs;
    }
    if (hit && o.fix && entry!.result.messages.some((m) => m.fix)) hit = false;
    if (!hit || this.opts.stats) {
      this.seen.set(file, seen);
      this.misses++;
      return undefined;
    }
    if (this.strategy === 'content' && (entry!.size !== st.size || entry!.mtimeMs !== st.mtimeMs)) {
      this.data.files[this.name(file)] = { ...entry!, size: st.size, mtimeMs: st.mtimeMs };
    }
    this.hits++;
    return structuredClone({ ...entry!.result, filePath: file }) as LintResult;
  }

  /**
   * Keep the results of the files looked up and missed in this run, with the fingerprint they had
   * when looked up; `dryRun`: the results with fixed text come from --fix-dry-run.
   */
  store(results: LintResult[], dryRun = false): void {
    for (const r of results) {
      const file = path.resolve(r.filePath);
      const seen = this.seen.get(file);
      if (!seen) continue;
      this.seen.delete(file);
      const name = this.name(file);
      // fixed text: the file was written (its old entry goes) or, in a dry run, left as it was (its entry stays)
      if (r.output !== undefined) {
        if (!dryRun) delete this.data.files[name];
        continue;
      }
      if (r.messages.some((m) => m.fatal || (m.ruleId !== null && BUDGET_RULES.has(m.ruleId)))) {
        delete this.data.files[name];
        continue;
      }
      const { source: _source, stats: _stats, output: _output, ...result } = r;
      this.data.files[name] = { ...seen, result };
    }
  }

  /**
   * Write the cache file (entries of files that no longer exist are dropped), through a temporary
   * file and a rename. Throws the file system's error when it cannot be written.
   */
  save(): void {
    for (const name of Object.keys(this.data.files)) {
      if (!existsSync(path.resolve(this.dir, name))) delete this.data.files[name];
    }
    makeFolder(this.dir);
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(this.data));
      renameSync(tmp, this.file);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }
}

/** Create a folder and its missing parents, one at a time. */
function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  makeFolder(path.dirname(dir));
  mkdirSync(dir);
}

function isEntry(e: unknown): e is Entry {
  const x = e as Partial<Entry> | null;
  return (
    !!x &&
    typeof x === 'object' &&
    typeof x.size === 'number' &&
    typeof x.mtimeMs === 'number' &&
    typeof x.key === 'string' &&
    !!x.result &&
    typeof x.result === 'object' &&
    Array.isArray(x.result.messages) &&
    typeof x.result.errorCount === 'number' &&
    typeof x.result.warningCount === 'number'
  );
}

