import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The real reports the tests run on, kept in the repository (public documents, as published). */
export const corpusDir = path.resolve(repoRoot, 'fixtures/corpus');
export function corpusFile(rel: string): string {
  return readFileSync(path.join(corpusDir, rel), 'utf8');
}

export function seedFiles(): string[] {
  return readdirSync(path.join(corpusDir, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
}

export function seedPath(n: number): string {
  const f = seedFiles().find((x) => x.startsWith(String(n).padStart(3, '0')));
  if (!f) throw new Error(`no seed ${n}`);
  return path.join(corpusDir, 'seeds', f);
}

export interface DevLabel {
  file: string;
  year: number | null;
  title: boolean;
  period: 'full' | 'none' | 'cutoff' | 'partial' | 'malformed' | 'mismatch';
  period_text: string | null;
  contact: boolean;
  contact_kinds: string[];
  contact_text: string | null;
  format: 'legacy' | '2019' | '2021' | 'unknown';
  sections: string[];
  issues: string[];
  notes?: string;
}

export function devLabels(): DevLabel[] {
  return readFileSync(path.join(corpusDir, 'dev', 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevLabel);
}

export function devPath(file: string): string {
  return path.join(corpusDir, 'dev', file);
}

/** The corpus's plain-text and Markdown reports (seeds, dev, full), as paths under corpusDir. */
export function corpusTexts(): string[] {
  return ['seeds', 'dev', 'full'].flatMap((d) =>
    readdirSync(path.join(corpusDir, d))
      .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
      .map((f) => path.join(d, f)),
  );
}
