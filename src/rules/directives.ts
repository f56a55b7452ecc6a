import type { Report } from '../model/types.js';
import type { MessageData } from './types.js';
import { closest } from '../util/suggest.js';

/**
 * Inline configuration comments:
 * `ogi-lint-disable rule-a, rule-b` … `ogi-lint-enable`, `ogi-lint-disable-next-line rule-a`,
 * `ogi-lint-disable-line rule-a`. No rule ids means every rule. They are written
 * - in Markdown and HTML as comments: `<!-- ogi-lint-disable report-title -->`;
 * - in plain text on a line of their own, as `<!-- ogi-lint-disable … -->` or `// ogi-lint-disable …`.
 * Word documents have no such comments: their findings are accepted in the suppressions file.
 */
export interface Directives {
  /** is a finding of `ruleId` starting at this line/offset suppressed? Marks the directive used. */
  suppressed(ruleId: string, offset: number, line: number): boolean;
  /**
   * Problems with the comments themselves: rule ids that do not exist (always), and, when
   * `reportUnused` is set, directives that suppressed nothing among the rules that ran.
   */
  problems(ran: ReadonlySet<string>, reportUnused: boolean): DirectiveProblem[];
}

export interface DirectiveProblem {
  messageId: 'unknownRule' | 'unknownRuleSuggest' | 'unused' | 'unusedRules';
  data: MessageData;
  /** offsets of the comment in the source */
  start: number;
  end: number;
}

/** What the problems say. */
export const DIRECTIVE_MESSAGES = {
  unknownRule: { zh: '停用注释中的规则“{rule}”不存在', en: 'the disable comment names a rule that does not exist: "{rule}"' },
  unknownRuleSuggest: {
    zh: '停用注释中的规则“{rule}”不存在，是否想写“{suggestion}”？',
    en: 'the disable comment names a rule that does not exist: "{rule}"; did you mean "{suggestion}"?',
  },
  unused: { zh: '多余的停用注释：没有屏蔽任何问题', en: 'unused disable directive: no problem was reported here' },
  unusedRules: { zh: '多余的停用注释：没有屏蔽{rules}的任何问题', en: 'unused disable directive: no problem of {rules} was reported here' },
};

type Kind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

interface Comment {
  kind: Kind;
  ids: string[];
  start: number;
  end: number;
}

interface Span {
  from: number;
  to: number;
  /** null: every rule */
  rules: Set<string> | null;
  directive: Directive;
}

interface Directive {
  comment: Comment;
  /** rule ids that suppressed something ('*' for every rule) */
  used: Set<string>;
}

const BODY = String.raw`ogi-lint-(disable-next-line|disable-line|disable|enable)\b`;
const HTML_COMMENT = new RegExp(String.raw`<!--\s*${BODY}([^>]*?)-->`, 'g');
/** in plain text, a comment is a line of its own */
const TEXT_LINE = new RegExp(String.raw`^[ \t]*(?:<!--\s*${BODY}([^\n>]*?)-->|//\s*${BODY}([^\n]*))[ \t]*\r?$`, 'gm');

function split(ids: string): string[] {
  return ids
    .replace(/\s--\s.*$/s, '') // ESLint's `-- reason`
    .split(/[\s,，、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What every comment holds: a text without it is not searched. */
const MARK = 'ogi-lint-';

/** The comments of a document, wherever its kind keeps them. */
function findComments(report: Report): Comment[] {
  const out: Comment[] = [];
  const kind = report.doc.kind;
  if (kind === 'markdown') {
    for (const b of report.blocks) {
      if (b.type !== 'html') continue;
      const src = b.text.text;
      if (!src.includes(MARK)) continue;
      HTML_COMMENT.lastIndex = 0;
      for (let m; (m = HTML_COMMENT.exec(src)); ) {
        out.push({ kind: m[1] as Kind, ids: split(m[2]!), start: b.text.toSource(m.index), end: b.text.toSource(m.index + m[0].length - 1) + 1 });
      }
    }
  } else if (!report.doc.text.includes(MARK)) {
    return out;
  } else if (kind === 'html') {
    const src = report.doc.text;
    HTML_COMMENT.lastIndex = 0;
    for (let m; (m = HTML_COMMENT.exec(src)); ) out.push({ kind: m[1] as Kind, ids: split(m[2]!), start: m.index, end: m.index + m[0].length });
  } else if (kind === 'text') {
    const src = report.doc.text;
    TEXT_LINE.lastIndex = 0;
    for (let m; (m = TEXT_LINE.exec(src)); ) {
      const k = (m[1] ?? m[3]) as Kind;
      const lead = m[0].length - m[0].trimStart().length;
      out.push({ kind: k, ids: split(m[2] ?? m[4] ?? ''), start: m.index + lead, end: m.index + m[0].trimEnd().length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Read the inline configuration comments of a report. `known` are the rule ids that exist; with
 * `enabled` false (--no-inline-config) the comments are ignored.
 */
export function readDirectives(report: Report, opts: { known?: ReadonlySet<string>; enabled?: boolean } = {}): Directives {
  const comments = opts.enabled === false ? [] : findComments(report);
  const spans: Span[] = [];
  const lines: { line: number; rules: Set<string> | null; directive: Directive }[] = [];
  const directives: Directive[] = [];
  const open = new Map<string, { from: number; directive: Directive }>(); // rule or '*' → where it was disabled
  for (const c of comments) {
    const d: Directive = { comment: c, used: new Set() };
    const rules = c.ids.length ? new Set(c.ids) : null;
    if (c.kind === 'disable-next-line') {
      directives.push(d);
      lines.push({ line: report.doc.position(Math.max(c.start, c.end - 1)).line + 1, rules, directive: d });
    } else if (c.kind === 'disable-line') {
      directives.push(d);
      lines.push({ line: report.doc.position(c.start).line, rules, directive: d });
    } else if (c.kind === 'disable') {
      directives.push(d);
      for (const id of c.ids.length ? c.ids : ['*']) open.set(id, { from: c.start, directive: d });
    } else {
      const keys = c.ids.length ? c.ids : [...open.keys()];
      for (const id of keys) {
        const o = open.get(id);
        if (!o) continue;
        spans.push({ from: o.from, to: c.start, rules: id === '*' ? null : new Set([id]), directive: o.directive });
        open.delete(id);
      }
    }
  }
  for (const [id, o] of open) spans.push({ from: o.from, to: Infinity, rules: id === '*' ? null : new Set([id]), directive: o.directive });
  return {
    suppressed(ruleId, offset, line) {
      let hit = false;
      for (const s of spans) {
        if (offset >= s.from && offset < s.to && (!s.rules || s.rules.has(ruleId))) {
          s.directive.used.add(s.rules ? ruleId : '*');
          hit = true;
        }
      }
      for (const l of lines) {
        if (l.line === line && (!l.rules || l.rules.has(ruleId))) {
          l.directive.used.add(l.rules ? ruleId : '*');
          hit = true;
        }
      }
      return hit;
    },
    problems(ran, reportUnused) {
      const out: DirectiveProblem[] = [];
      for (const c of comments) {
        for (const id of c.ids) {
          if (!opts.known || opts.known.has(id)) continue;
          const suggestion = closest(id, opts.known);
          out.push({ messageId: suggestion ? 'unknownRuleSuggest' : 'unknownRule', data: suggestion ? { rule: id, suggestion } : { rule: id }, start: c.start, end: c.end });
        }
      }
      if (reportUnused) {
        for (const d of directives) {
          const { ids } = d.comment;
          if (ids.length === 0) {
            if (d.used.size === 0) out.push({ messageId: 'unused', data: {}, start: d.comment.start, end: d.comment.end });
            continue;
          }
          // only rules that ran and exist can be judged
          const unused = ids.filter((id) => ran.has(id) && !d.used.has(id));
          if (unused.length) out.push({ messageId: 'unusedRules', data: { rules: unused.map((x) => `“${x}”`).join('、') }, start: d.comment.start, end: d.comment.end });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
