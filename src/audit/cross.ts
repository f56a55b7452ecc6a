import type { RuleEntry } from '../config/types.js';
import { severityLevel, type Severity } from '../diagnostic.js';
import { localise } from '../i18n/index.js';
import type { Locale } from '../rules/types.js';
import { crossRules } from '../../rules/cross/index.js';
import type { AbsentReport, CrossFinding, CrossReportInput, CrossRule, Passage } from './cross-rule.js';
import type { AuditTable } from './record.js';

export interface CrossOptions {
  locale: Locale;
  /** settings by rule id, as in the configuration's `rules` */
  ruleConfig?: Record<string, RuleEntry>;
  rules?: CrossRule<unknown>[];
  /** the manifest's rows whose reports are not in the set */
  absent?: AbsentReport[];
  passages(file: string, hashes: number[]): Promise<Passage[]>;
  /** a report's tables whole, where `reports` keep them pruned (default: the tables given) */
  wholeTables?(report: CrossReportInput): AuditTable[];
}

function setting(rule: CrossRule<unknown>, entry: RuleEntry | undefined): { severity: Severity | undefined; options: unknown } {
  if (entry === undefined) return { severity: rule.severity, options: rule.defaultOptions };
  const [level, options] = Array.isArray(entry) ? entry : [entry, undefined];
  const l = severityLevel(level as Severity);
  return { severity: l === 0 ? undefined : l === 1 ? 'warning' : 'error', options: { ...(rule.defaultOptions as object), ...((options as object | undefined) ?? {}) } };
}

/** Run the cross-report rules over a set of reports; findings in a stable order. */
export async function runCrossRules(reports: CrossReportInput[], opts: CrossOptions): Promise<CrossFinding[]> {
  const out: CrossFinding[] = [];
  for (const rule of opts.rules ?? crossRules) {
    const { severity, options } = setting(rule, opts.ruleConfig?.[rule.id]);
    if (!severity) continue;
    const found: CrossFinding[] = [];
    await rule.check({
      reports,
      absent: opts.absent ?? [],
      options,
      locale: opts.locale,
      passages: opts.passages,
      wholeTables: opts.wholeTables ?? ((r) => r.tables),
      emit: (f) => {
        const message = localise(rule.messages[f.messageId]!, opts.locale, f.data);
        // a milder variant stays milder; a rule turned down to warning turns everything down
        const sev: Severity = f.severity === 'warning' || severity === 'warning' ? 'warning' : 'error';
        found.push({ ruleId: rule.id, ...f, severity: sev, message });
      },
    });
    // by the files concerned; a rule's own order (table columns) within them
    found.sort((a, b) => (a.files.join('\0') < b.files.join('\0') ? -1 : a.files.join('\0') > b.files.join('\0') ? 1 : 0));
    out.push(...found);
  }
  return out;
}
