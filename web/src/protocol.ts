import type { ConfigText, LintResult, ReportView } from '../../src/browser.js';

/** Check one report. */
export interface LintRequest {
  kind: 'lint';
  id: number;
  fileName: string;
  bytes: Uint8Array;
  locale: 'zh' | 'en';
  /** a profile id, or undefined to choose it by the report year as the command line does */
  profile?: string;
  /** the report year as the official sets it (the command line's --year), or undefined for the year the report states */
  reportYear?: number;
}

/** Use these configuration and profile files for the checks that follow (none: no configuration). */
export interface ConfigRequest {
  kind: 'config';
  id: number;
  files: ConfigText[];
}

/** The findings of several reports in the command line's JSON and CSV. */
export interface FormatRequest {
  kind: 'format';
  id: number;
  results: LintResult[];
}

/** What the page asks the worker. */
export type WorkerRequest = LintRequest | ConfigRequest | FormatRequest;

/** `ignored`: the configuration's ignorePatterns match the file (checked all the same, as the command line checks a file it is given by name). */
export type LintDone = { kind: 'lint'; id: number; ok: true; result: LintResult; view: ReportView | null; ms: number; json: string; csv: string; ignored?: boolean };
export type LintFailed = { kind: 'lint'; id: number; ok: false; error: string };

/** What the worker answers: once when it starts, then once for each request. */
export type LintResponse =
  | { kind: 'ready'; profiles: ProfileInfo[]; extensions: string[] }
  | LintDone
  | LintFailed
  | { kind: 'config'; id: number; ok: true; profiles: ProfileInfo[]; files: string[] }
  /** the configuration cannot be used: the command line's message, in both languages */
  | { kind: 'config'; id: number; ok: false; profiles: ProfileInfo[]; error: { zh: string; en: string } }
  | { kind: 'format'; id: number; json: string; csv: string };

export interface ProfileInfo {
  id: string;
  generation: string;
  name: { zh: string; en: string };
  /** from a profile file given on the page, not built in */
  custom?: boolean;
}
