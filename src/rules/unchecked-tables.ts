import type { UnsureReason } from '../model/tables/types.js';

/**
 * The findings for a table found by its labels whose cells could not be placed with certainty
 * ("cannot check"), shared by `table-missing` (tables of the 2019 and 2021 formats) and
 * `table-structure` (the legacy statistics table). Figures that do not fit the rows are worded by
 * each rule (`cellCount`), the one knowing which row did not fit.
 */
export const UNCHECKED_MESSAGES = {
  noValues: {
    zh: '无法核对“{table}”：只剩行列名称，表中数字缺失（可能在复制时丢失）',
    en: 'cannot check table “{table}”: only its row and column labels are there; its figures are missing (lost in copying?)',
  },
  runTogether: {
    zh: '无法核对“{table}”：单元格中的数字连在一起，没有分隔，无法分开各栏',
    en: 'cannot check table “{table}”: the digits of its cells run together without separators and cannot be split into columns',
  },
  columnOrder: {
    zh: '无法核对“{table}”：单元格逐列而不是逐行排列，无法确定各数字所属的行',
    en: 'cannot check table “{table}”: its cells are given column by column, not row by row, so the figures cannot be placed in their rows',
  },
  fewRows: {
    zh: '无法核对“{table}”：只读出格式规定的 {expected} 行中的 {actual} 行，其余各行可能在复制时丢失或排版无法识别',
    en: 'cannot check table “{table}”: only {actual} of the {expected} rows the format sets could be read; the others may have been lost in copying or laid out in a way that could not be read',
  },
  lostCharacters: {
    zh: '无法核对“{table}”：表中有字符无法解码（文件编码有误或转换时损坏，见编码提示），各栏文字和数字不可靠',
    en: 'cannot check table “{table}”: some of its characters could not be decoded (a wrong encoding, or bytes broken in conversion; see the encoding notice), so its labels and figures cannot be relied on',
  },
} as const;

/** The message of an unchecked table, by why it could not be read (`cellCount`: the rule's own id for figures that do not fit). */
export function uncheckedMessageId<C extends string>(reason: UnsureReason, cellCount: C): keyof typeof UNCHECKED_MESSAGES | C {
  switch (reason) {
    case 'no-values':
      return 'noValues';
    case 'cell-count':
      return cellCount;
    case 'run-together':
      return 'runTogether';
    case 'column-order':
      return 'columnOrder';
    case 'few-rows':
      return 'fewRows';
    case 'lost-characters':
      return 'lostCharacters';
  }
}
