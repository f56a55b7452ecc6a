import type { Report } from '../model/types.js';

/**
 * Inline configuration comments in Markdown:
 * `<!-- ogi-lint-disable rule-a, rule-b -->`, `<!-- ogi-lint-enable -->`,
 * `<!-- ogi-lint-disable-next-line rule-a -->`. No rule ids means every rule.
 */
export interface Directives {
  /** is a finding of `ruleId` starting at this line/offset suppressed? */
  suppressed(ruleId: string, offset: number, line: number): boolean;
}

interface Span {
  from: number;
  to: number;
  rules: Set<string> | null;
}

const COMMENT = /<!--\s*ogi-lint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export function readDirectives(report: Report): Directives {
  const spans: Span[] = [];
  const lines: { line: number; rules: Set<string> | null }[] = [];
  if (report.doc.kind !== 'markdown' && report.doc.kind !== 'text') return { suppressed: () => false };
  const open = new Map<string, number>(); // rule or '*' → from offset
  for (const b of report.blocks) {
    if (b.type !== 'html') continue;
    const src = b.text.text;
    COMMENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COMMENT.exec(src))) {
      const kind = m[1]!;
      const ids = m[2]!.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
      const at = b.text.toSource(m.index);
      const endAt = b.text.toSource(m.index + m[0].length - 1);
      const rules = ids.length ? new Set(ids) : null;
      if (kind === 'disable-next-line') lines.push({ line: report.doc.position(endAt).line + 1, rules });
      else if (kind === 'disable-line') lines.push({ line: report.doc.position(at).line, rules });
      else if (kind === 'disable') for (const id of ids.length ? ids : ['*']) open.set(id, at);
      else {
        const keys = ids.length ? ids : [...open.keys()];
        for (const id of keys) {
          const from = open.get(id);
          if (from === undefined) continue;
          spans.push({ from, to: at, rules: id === '*' ? null : new Set([id]) });
          open.delete(id);
        }
      }
    }
  }
  for (const [id, from] of open) spans.push({ from, to: Infinity, rules: id === '*' ? null : new Set([id]) });
  return {
    suppressed(ruleId, offset, line) {
      for (const s of spans) if (offset >= s.from && offset < s.to && (!s.rules || s.rules.has(ruleId))) return true;
      for (const l of lines) if (l.line === line && (!l.rules || l.rules.has(ruleId))) return true;
      return false;
    },
  };
}
