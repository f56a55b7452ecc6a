import path from 'node:path';
import type { Formatter } from './types.js';
import { xmlEscape } from './xml.js';

/** JUnit XML, as ESLint writes it: a test suite per file, a failing test case per finding (a passing one for a clean file). */
export const junit: Formatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const r of results) {
    const name = xmlEscape(r.filePath);
    const classname = xmlEscape(r.filePath.slice(0, r.filePath.length - path.extname(r.filePath).length));
    if (r.messages.length === 0) {
      out += `<testsuite package="org.ogi-lint" time="0" tests="1" errors="0" name="${name}">\n`;
      out += `<testcase time="0" name="${name}" classname="${classname}" />\n`;
      out += '</testsuite>\n';
      continue;
    }
    out += `<testsuite package="org.ogi-lint" time="0" tests="${r.messages.length}" errors="${r.messages.length}" name="${name}">\n`;
    for (const m of r.messages) {
      const type = m.severity === 2 ? 'error' : 'warning';
      out += `<testcase time="0" name="org.ogi-lint.${xmlEscape(m.ruleId ?? 'unknown')}" classname="${classname}">`;
      out += `<failure message="${xmlEscape(m.message)}"><![CDATA[line ${m.line}, col ${m.column}, ${type[0]!.toUpperCase()}${type.slice(1)} - ${xmlEscape(m.message)} (${m.ruleId ?? ''})]]></failure>`;
      out += '</testcase>\n';
    }
    out += '</testsuite>\n';
  }
  return `${out}</testsuites>\n`;
};
