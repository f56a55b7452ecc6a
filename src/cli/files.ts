import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../read/extensions.js';

/** Folders never walked into (dot-folders are skipped as well). */
const SKIP_FOLDERS = new Set(['node_modules']);
const SKIP = ['**/node_modules/**'];

/**
 * Documents that may well be a report but cannot be read as one (old Word, WPS, scans…). Found in
 * a folder, each is read anyway, so that it gets one clear finding saying what it is and what to
 * provide instead, rather than being passed over. (A format that gains a reader moves to
 * SUPPORTED_EXTENSIONS.)
 */
export const DOCUMENT_EXTENSIONS = ['.doc', '.wps', '.wpt', '.dot', '.docm', '.dotx', '.rtf', '.odt', '.ofd', '.xps', '.pages'];

/**
 * Files that document a project or a folder rather than report anything. In a folder or a glob
 * they are skipped (and listed as skipped); named on the command line, they are checked.
 */
const PROJECT_FILES = /^(readme|changelog|changes|history|contributing|license|licence|notice|authors|code_of_conduct|security|todo)(\.[^.]+)?$/i;

/**
 * Whether a folder's entries are those of an audit's output (`ogi-lint audit --out-dir`):
 * `results.ndjson` beside `audit.json` or a summary. Its `summary.html` is no report, and checked as
 * one it would draw errors (no title, no year, no contact) in every later run over the folder above.
 */
export function isAuditOutput(names: ReadonlySet<string>): boolean {
  return names.has('results.ndjson') && (names.has('audit.json') || names.has('summary.html') || names.has('summary.csv'));
}

/** ogi-lint's own files and a project's package files: passed over without a word. */
const TOOL_FILES = new Set(['ogi-lint-suppressions.json', 'package.json', 'package-lock.json']);

/** Why a file found in a folder or by a glob was not checked. */
export type SkipReason = 'not-a-report' | 'project-file';

/** A file a folder or glob held that was not checked, and why. */
export interface SkippedFile {
  file: string;
  reason: SkipReason;
}

/** The files that paths, folders and glob patterns name. */
export interface ExpandResult {
  /** absolute paths, each file once (by its real path), in the order the patterns gave them */
  files: string[];
  /** patterns that matched no file */
  unmatched: string[];
  /** files found in folders or by globs that are not reports, with why */
  skipped: SkippedFile[];
}

function statOf(p: string): 'file' | 'directory' | undefined {
  try {
    const st = statSync(p);
    return st.isDirectory() ? 'directory' : st.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function realOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * realOf for many files: a file that is no symbolic link is its folder's real path and its name,
 * and each folder's real path is found once (resolving every file's whole path again took longer
 * than the rest of listing a folder of reports).
 */
function realPaths(): (p: string) => string {
  const folders = new Map<string, string>();
  return (p) => {
    try {
      if (lstatSync(p).isSymbolicLink()) return realOf(p);
    } catch {
      return p;
    }
    const dir = path.dirname(p);
    let real = folders.get(dir);
    if (real === undefined) folders.set(dir, (real = realOf(dir)));
    return path.join(real, path.basename(p));
  };
}

const extension = (f: string): string => path.extname(f).toLowerCase();

/** What to do with a file met in a folder or by a glob. */
export function classify(file: string): 'report' | 'document' | SkipReason {
  const ext = extension(file);
  if (PROJECT_FILES.test(path.basename(file))) return 'project-file';
  if (SUPPORTED_EXTENSIONS.includes(ext)) return 'report';
  if (DOCUMENT_EXTENSIONS.includes(ext)) return 'document';
  return 'not-a-report';
}

/**
 * Every file under a folder, following symbolic links but entering each real folder once (so a
 * link back up the tree, or two links to one folder, do not repeat files). Dot-files, dot-folders,
 * node_modules and the output folders of audits inside it (`isAuditOutput`) are left out; folders
 * that cannot be listed are passed over.
 */
function walk(dir: string): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const visit = (d: string): void => {
    const real = realOf(d);
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    if (d !== dir && isAuditOutput(new Set(entries.map((e) => e.name)))) return;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      const kind = e.isSymbolicLink() ? statOf(p) : e.isDirectory() ? 'directory' : e.isFile() ? 'file' : undefined;
      if (kind === 'directory') {
        if (!SKIP_FOLDERS.has(e.name)) visit(p);
      } else if (kind === 'file') out.push(p);
    }
  };
  visit(dir);
  return out;
}

/** A filter of files that passes over those in an audit's output folder, listing each folder once. */
function notInAuditOutput(): (file: string) => boolean {
  const known = new Map<string, boolean>();
  return (file) => {
    const dir = path.dirname(file);
    let output = known.get(dir);
    if (output === undefined) {
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        // a folder that cannot be listed holds nothing of an audit's
      }
      known.set(dir, (output = isAuditOutput(new Set(names))));
    }
    return !output;
  };
}

/**
 * Turn command-line paths into files. A file named is taken as it is, whatever it is. A folder is
 * walked (see `walk`), and a glob pattern expanded: of the files found, reports are taken,
 * documents that cannot be read as reports are taken too (they get a finding that says so), and
 * the rest — images, spreadsheets, README.md and the like — are listed in `skipped`.
 */
export async function expandPatterns(patterns: string[], cwd: string = process.cwd()): Promise<ExpandResult> {
  const seen = new Set<string>();
  const skippedSeen = new Set<string>();
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const unmatched: string[] = [];
  const realPathOf = realPaths();
  const take = (f: string): void => {
    const real = realPathOf(f);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(f);
  };
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const kind = statOf(abs);
    let found: string[] = [];
    if (kind === 'file') {
      take(abs);
      continue;
    }
    if (kind === 'directory') found = walk(abs);
    else if (isDynamicPattern(pattern)) {
      found = (await glob([pattern.split(path.sep).join('/')], { cwd, absolute: true, dot: false, ignore: SKIP, followSymbolicLinks: true }))
        .map((f) => path.resolve(f))
        .filter(notInAuditOutput())
        .sort();
    }
    let matched = 0;
    for (const f of found) {
      const c = classify(f);
      if (TOOL_FILES.has(path.basename(f))) continue;
      if (c === 'report' || c === 'document') {
        take(f);
        matched++;
      } else if (!skippedSeen.has(realPathOf(f))) {
        skippedSeen.add(realPathOf(f));
        skipped.push({ file: f, reason: c });
      }
    }
    // a folder or glob that found only files which are not reports matched something: they are listed as skipped
    if (matched === 0 && found.length === 0) unmatched.push(pattern);
  }
  return { files, unmatched, skipped };
}
