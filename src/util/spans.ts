/**
 * What one document's tables may spend on the slots their cells' spans cover. An annual report's
 * tables have a few thousand slots in all; a small page or Word document whose cells each span 1000
 * columns (the largest span honoured) and hundreds of rows would make millions. The grid of a table
 * (src/model/html-table.ts) and the Word reader's count of table cells (src/read/docx.ts) shrink
 * spans the same way, so they number a table's columns alike.
 */
export interface SlotBudget {
  slots: number;
}

/** Slots a document's spans may cover, all tables together. */
export const MAX_DOCUMENT_SLOTS = 200_000;

/** A fresh budget for one document. */
export const slotBudget = (): SlotBudget => ({ slots: MAX_DOCUMENT_SLOTS });

/** A cell's spans within what is left of the budget (to one slot once it is spent), taken from it. */
export function spendSpan(rowSpan: number, colSpan: number, budget: SlotBudget): { rowSpan: number; colSpan: number } {
  const room = Math.max(1, budget.slots);
  if (rowSpan * colSpan > room) {
    colSpan = Math.max(1, Math.min(colSpan, Math.floor(room / rowSpan)));
    rowSpan = Math.max(1, Math.min(rowSpan, Math.floor(room / colSpan)));
  }
  budget.slots -= rowSpan * colSpan;
  return { rowSpan, colSpan };
}
