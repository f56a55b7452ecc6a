import type { TableTemplate } from './template.js';

/** A row's title without its numbering, as reviewers name it: （七）总计 → 总计. */
function bare(title: string): string {
  return title.replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])\s*/, '').replace(/（区分处理的[^）]*）$/, '');
}

/** Where a cell is, in words: “（七）总计”行“自然人”列, or “申请答复数” in a list table. */
export function cellName(tpl: TableTemplate, row: string, column: string): string {
  const block = tpl.blocks.find((b) => b.rows.some((r) => r.id === row));
  const r = block?.rows.find((x) => x.id === row);
  const c = block?.columns.find((x) => x.id === column);
  if (tpl.shape === 'list' || !c) return `“${r ? bare(r.title) : row}”`;
  if (tpl.shape === 'single-row') return `“${r?.title ?? row}”的“${c.title}”`;
  return `“${r?.title ?? row}”行“${c.title}”列`;
}

/** A row's or column's title. */
export function partName(tpl: TableTemplate, id: string, what: 'row' | 'column'): string {
  for (const b of tpl.blocks) {
    const x = what === 'row' ? b.rows.find((r) => r.id === id) : b.columns.find((c) => c.id === id);
    if (x) return x.title;
  }
  return id;
}
