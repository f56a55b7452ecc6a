import type { Formatter } from './types.js';
import { xmlEscape } from './xml.js';

/** Checkstyle XML, as ESLint writes it: one <file> per result, one <error> per finding. */
export const checkstyle: Formatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?><checkstyle version="4.3">';
  for (const r of results) {
    out += `<file name="${xmlEscape(r.filePath)}">`;
    for (const m of r.messages) {
      const source = m.ruleId ? `ogi-lint.rules.${m.ruleId}` : '';
      out += `<error line="${m.line}" column="${m.column}" severity="${m.severity === 2 ? 'error' : 'warning'}" message="${xmlEscape(m.message)}${m.ruleId ? ` (${xmlEscape(m.ruleId)})` : ''}" source="${xmlEscape(source)}" />`;
    }
    out += '</file>';
  }
  return `${out}</checkstyle>`;
};
