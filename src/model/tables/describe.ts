import type { TableTemplate } from './template.js';

/** A row's title without its numbering, as reviewers name it: （七）总计 → 总计. */
function bare(title: string): string {
  return title.replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])\s*/, '').replace(/（区分处理的[^）]*）$/, '');
}

/**
 * Where a cell is, in words: “（七）总计”行“自然人”列, or “申请答复数” in a list table; in English
 * (`locale` en) row “（七）总计”, column “自然人” — the labels stay as the form prints them.
 */
export function cellName(tpl: TableTemplate, row: string, column: string, locale: 'zh' | 'en' = 'zh'): string {
  const block = tpl.blocks.find((b) => b.rows.some((r) => r.id === row));
  const r = block?.rows.find((x) => x.id === row);
  const c = block?.columns.find((x) => x.id === column);
  if (tpl.shape === 'list' || !c) return `“${r ? bare(r.title) : row}”`;
  if (tpl.shape === 'single-row') return locale === 'en' ? `“${c.title}” of “${r?.title ?? row}”` : `“${r?.title ?? row}”的“${c.title}”`;
  return locale === 'en' ? `row “${r?.title ?? row}”, column “${c.title}”` : `“${r?.title ?? row}”行“${c.title}”列`;
}

/** A row's or column's title. */
export function partName(tpl: TableTemplate, id: string, what: 'row' | 'column'): string {
  for (const b of tpl.blocks) {
    const x = what === 'row' ? b.rows.find((r) => r.id === id) : b.columns.find((c) => c.id === id);
    if (x) return x.title;
  }
  return id;
}
