import { MappedText } from '../util/mapped-text.js';
import type { TextTable } from '../parse/plaintext.js';
import type { RawCell, RawTable } from './types.js';

/**
 * A table flattened into text, as a grid. Two layouts occur:
 * - one row per line, cells between `|` (leading/trailing pipes optional);
 * - one cell per line, with `|` lines between the cells of a row (a lone `|` after a `|`
 *   line is an empty cell), a row ending where two content lines follow each other.
 */
export function textTableToGrid(tt: TextTable, blockIndex: number): RawTable {
  const lines = tt.lines;
  const contentLines = lines.filter((l) => l.text.trim() !== '' && !/^[\s|｜]*$/.test(l.text));
  const loneOrEdgePipes = lines.filter((l) => /^\s*[|｜]\s*$/.test(l.text)).length;
  const cellPerLine = loneOrEdgePipes > 0 && loneOrEdgePipes * 2 >= contentLines.length * 0.8 && contentLines.every((l) => !/\S\s*[|｜]\s*\S/.test(l.text));
  const range = { start: lines[0]!.offset, end: lines[lines.length - 1]!.offset + lines[lines.length - 1]!.text.length };
  if (cellPerLine) {
    const rows: RawCell[][] = [];
    let row: RawCell[] = [];
    let prevWasPipe = true;
    for (const l of lines) {
      const t = l.text;
      if (/^\s*[|｜]\s*$/.test(t)) {
        if (prevWasPipe && row.length > 0) row.push({ text: MappedText.empty(l.offset), range: { start: l.offset, end: l.offset } });
        prevWasPipe = true;
        continue;
      }
      if (!prevWasPipe && row.length > 0) {
        rows.push(row);
        row = [];
      }
      const mt = MappedText.identity(t, l.offset).trim();
      row.push({ text: mt, range: mt.range() });
      prevWasPipe = false;
    }
    if (row.length) rows.push(row);
    return { rows, range, layout: 'cell-per-line', blockIndex };
  }
  const rows: RawCell[][] = [];
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const full = MappedText.identity(l.text, l.offset);
    const cells: RawCell[] = [];
    let from = 0;
    const s = l.text;
    for (let i = 0; i <= s.length; i++) {
      if (i === s.length || s[i] === '|' || s[i] === '｜') {
        const c = full.slice(from, i).trim();
        cells.push({ text: c, range: c.range() });
        from = i + 1;
      }
    }
    // a leading or trailing pipe leaves an empty cell at the edge that is not a cell
    if (/^\s*[|｜]/.test(s) && cells.length > 1 && cells[0]!.text.text === '') cells.shift();
    if (/[|｜]\s*$/.test(s) && cells.length > 1 && cells[cells.length - 1]!.text.text === '') cells.pop();
    rows.push(cells);
  }
  return { rows, range, layout: 'pipe-text', blockIndex };
}
