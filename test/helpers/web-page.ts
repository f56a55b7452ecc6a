/** A text as a web page shows it: `<`, `>` and `&` written as references. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A text as a web page with a paragraph a line (blank lines left out), as content systems and
 * crawlers store a report: `indent` before each paragraph's text (`&nbsp;&nbsp;`), and each line's
 * HTML made by `html` (escaped by default).
 */
export function paragraphPage(text: string, indent = '', html: (line: string) => string = escapeHtml): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${indent}${html(l)}</p>`)
    .join('\n')}</body></html>`;
}
