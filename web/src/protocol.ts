import type { LintResult, ReportView } from '../../src/browser.js';

/** What the page asks the worker. */
export interface LintRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  locale: 'zh' | 'en';
  /** a profile id, or undefined to choose it by the report year as the command line does */
  profile?: string;
}

/** What the worker answers: once when it starts, then once for each request. */
export type LintResponse =
  | { ready: true; profiles: ProfileInfo[]; extensions: string[] }
  | { id: number; ok: true; result: LintResult; view: ReportView | null; ms: number; json: string; csv: string }
  | { id: number; ok: false; error: string };

export interface ProfileInfo {
  id: string;
  generation: string;
  name: { zh: string; en: string };
}
