import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../read/index.js';

/** Folders never walked into (dot-folders are skipped as well). */
const SKIP = ['**/node_modules/**'];

export interface ExpandResult {
  /** absolute paths, each once, in the order the patterns gave them */
  files: string[];
  /** patterns that matched no file */
  unmatched: string[];
}

function statOf(p: string): 'file' | 'directory' | undefined {
  try {
    const st = statSync(p);
    return st.isDirectory() ? 'directory' : st.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

const supported = (f: string): boolean => SUPPORTED_EXTENSIONS.includes(path.extname(f).toLowerCase());

/**
 * Turn command-line paths into files: a file is taken as it is, a folder is walked for files with
 * a supported extension (skipping node_modules and dot-folders), anything else is a glob pattern.
 */
export async function expandPatterns(patterns: string[], cwd: string = process.cwd()): Promise<ExpandResult> {
  const seen = new Set<string>();
  const files: string[] = [];
  const unmatched: string[] = [];
  const add = (abs: string[]): number => {
    let n = 0;
    for (const f of abs) {
      n++;
      if (seen.has(f)) continue;
      seen.add(f);
      files.push(f);
    }
    return n;
  };
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const kind = statOf(abs);
    let found: string[] = [];
    if (kind === 'file') found = [abs];
    else if (kind === 'directory') {
      found = await glob(
        SUPPORTED_EXTENSIONS.map((e) => `**/*${e}`),
        { cwd: abs, absolute: true, dot: false, ignore: SKIP, caseSensitiveMatch: false, followSymbolicLinks: false },
      );
    } else if (isDynamicPattern(pattern)) {
      found = (await glob([pattern.split(path.sep).join('/')], { cwd, absolute: true, dot: false, ignore: SKIP })).filter(supported);
    }
    found = found.map((f) => path.resolve(f)).sort();
    if (add(found) === 0) unmatched.push(pattern);
  }
  return { files, unmatched };
}
