import type { Block, Section } from './types.js';
import { readNumbering, styleLevel } from './numbering.js';
import type { MappedText } from '../util/mapped-text.js';
import { vocabulary } from '../config/vocabulary.js';
import { builtinProfiles, resolveProfile } from '../config/profiles.js';
import { memoised } from '../util/memo.js';
import { inlineHeadings as findInlineHeadings } from '../read/headings.js';

/** Longest title a numbered line may have to count as a heading rather than a numbered paragraph. */
const MAX_TITLE = 32;
/** Punctuation that ends a heading's title when body text follows on the same line. */
const TITLE_END = /[。；;：:！？!?]/;

interface HeadingCandidate {
  block: Block;
  level: number;
  title: MappedText;
  numbering?: Section['numbering'];
  inlineBody: boolean;
}

/** Whether a block is a heading, and of what level. */
export function headingOf(block: Block, titleBlock?: Block): HeadingCandidate | undefined {
  if (block.type === 'table' || block.type === 'code' || block.type === 'html') return undefined;
  if (block === titleBlock) return undefined;
  const text = block.text;
  const num = readNumbering(text.text);
  if (!num) {
    if (block.type === 'heading') {
      const title = text.trim();
      return { block, level: Math.max(1, (block.mdDepth ?? 1) - 1), title, inlineBody: false };
    }
    return undefined;
  }
  const rest = text.slice(num.length).trim();
  const stop = TITLE_END.exec(rest.text);
  const titleLen = stop ? stop.index : rest.length;
  const title = rest.slice(0, titleLen).trim();
  const after = stop ? rest.slice(stop.index + 1).trim() : undefined;
  if (title.length === 0 || title.length > MAX_TITLE) {
    if (block.type !== 'heading') return undefined;
  }
  // a numbered line that is a whole sentence ending in 。 with no separate title is prose
  if (block.type !== 'heading' && !stop && /[，,]/.test(title.text) && title.length > 20) return undefined;
  return {
    block,
    level: styleLevel(num.numbering.style),
    title,
    numbering: num.numbering,
    inlineBody: !!after && after.length > 0,
  };
}

interface SectionsVocabulary {
  tableRowHeadings: string[];
  titleEnds: string[];
  inlineHeadings: { minBlockLength: number; minAverageLineLength: number; before: string };
}

let vocab: { v: SectionsVocabulary } | undefined;
function sectionsVocabulary(): NonNullable<typeof vocab> {
  return (vocab ??= { v: vocabulary<SectionsVocabulary>('sections') });
}

/**
 * A line that is a row of an official table numbered like a section (三、本年度办理结果), or the
 * start of one whose label the layout wrapped (三、本 / 年度办 / 理结果, text out of a PDF).
 */
function isTableRowHeading(title: string): boolean {
  // (its first cell: text out of a PDF puts the next column's words on the same line, `三、本年度  （四）无法`)
  const t = title.split(/\t|[ \u3000]{2,}/)[0]!.replace(/[\s\u3000]/g, '');
  return sectionsVocabulary().v.tableRowHeadings.some((w) => t.startsWith(w) || (t.length > 0 && w.startsWith(t)));
}

/** A piece of a block as a block of its own (same index: it stands where the block stands). */
function piece(block: Block, text: MappedText): Block {
  return { index: block.index, type: 'paragraph', text, range: text.range() };
}

/**
 * Headings inside one long line (a crawler's dump of the whole article: `…联系电话：0591-23165385）。
 * 一、总体情况 2022年，…`): the line is cut into pieces, each heading with its title, and the text
 * between them. Only a numbering that stands after the end of a sentence or a space counts.
 */
function inlineHeadings(block: Block, titleBlock?: Block): { pieces: Block[]; headings: Map<Block, HeadingCandidate> } | undefined {
  const text = block.text;
  const cuts: { at: number; titleEnd: number; num: NonNullable<ReturnType<typeof readNumbering>> }[] = [];
  for (const h of findInlineHeadings(text.text)) {
    if (h.titleEnd === undefined) continue;
    const num = readNumbering(text.text.slice(h.at));
    if (!num || h.at + num.length >= h.titleEnd) continue;
    cuts.push({ at: h.at, titleEnd: h.titleEnd, num });
  }
  if (cuts.length === 0) return undefined;
  const pieces: Block[] = [];
  const headings = new Map<Block, HeadingCandidate>();
  if (cuts[0]!.at > 0) pieces.push(piece(block, text.slice(0, cuts[0]!.at).trim()));
  cuts.forEach((c, k) => {
    const end = cuts[k + 1]?.at ?? text.length;
    const head = piece(block, text.slice(c.at, c.titleEnd).trim());
    if (head === titleBlock) return;
    pieces.push(head);
    headings.set(head, {
      block: head,
      level: styleLevel(c.num.numbering.style),
      title: text.slice(c.at + c.num.length, c.titleEnd).trim(),
      numbering: c.num.numbering,
      inlineBody: false,
    });
    const body = text.slice(c.titleEnd, end).trim();
    if (body.length) pieces.push(piece(block, body));
  });
  return { pieces, headings };
}

/** Whether the text has so few line breaks that headings must be looked for inside lines. */
function fewLineBreaks(blocks: Block[]): boolean {
  const lines = blocks.filter((b) => b.type !== 'table' && b.text.text.trim() !== '');
  if (!lines.length) return false;
  const total = lines.reduce((n, b) => n + b.text.length, 0);
  return total / lines.length >= sectionsVocabulary().v.inlineHeadings.minAverageLineLength;
}

/**
 * How well a title fits a part of the built-in formats at this number: 3 when it names the part with
 * that number (in the report's own format, `format`, an index into the built-in profiles, when that
 * is known), 2 when it names another part, 0 when it names none.
 */
function knownTitle(title: string, ordinal: number, format: number | undefined): number {
  const orders = partOrders(title);
  if (orders.length === 0) return 0;
  return (format === undefined ? orders : formatPartOrders(title)[format]!).includes(ordinal) ? 3 : 2;
}

/** For each built-in format, the orders of its parts whose words a title has, remembered by title (the same headings recur in every report). */
const formatPartOrders = memoised((title: string): readonly (readonly number[])[] => {
  const t = title.replace(/[\s\u3000]/g, '');
  return [...builtinProfiles().keys()].map((id) =>
    resolveProfile(id).sections.filter((spec) => !spec.exclude?.some((w) => t.includes(w)) && spec.match.some((words) => words.every((w) => t.includes(w)))).map((spec) => spec.order),
  );
});

/** The orders of the built-in formats' parts whose words a title has, whatever the format. */
const partOrders = memoised((title: string): readonly number[] => formatPartOrders(title).flat());

/** The index among the built-in profiles of the one for a generation. */
function formatIndex(generation: string | undefined): number | undefined {
  if (generation === undefined) return undefined;
  const k = [...builtinProfiles().values()].findIndex((p) => p.generation === generation);
  return k < 0 ? undefined : k;
}

/**
 * Markdown whose headings are all of one depth (every heading `#`, as some converters write them):
 * the depth says nothing of where a heading stands, so a heading without a number after a numbered
 * one (`# 第二十条第（一）项` after `# 二、主动公开政府信息情况`) is under it, unless it names another
 * part of the report (`# 其他需要报告的事项`). Without this, the part before it stood empty.
 */
function nestFlatHeadings(items: { block: Block; h?: HeadingCandidate }[]): void {
  let depth: number | undefined;
  let numbered = false;
  let unnumbered = false;
  for (const it of items) {
    if (!it.h || it.block.type !== 'heading') continue;
    const d = it.block.mdDepth ?? 1;
    if (depth !== undefined && d !== depth) return;
    depth = d;
    if (it.h.numbering) numbered = true;
    else unnumbered = true;
  }
  if (!numbered || !unnumbered) return;
  let last: HeadingCandidate | undefined;
  // the orders of the part the headings stand in (the last numbered heading that names one)
  let part: readonly number[] = [];
  for (const it of items) {
    if (!it.h) continue;
    if (it.h.numbering) {
      last = it.h;
      const orders = partOrders(it.h.title.text);
      if (orders.length) part = orders;
      continue;
    }
    if (!last || it.block.type !== 'heading') continue;
    // (a heading that names the part it stands in is under it: # 行政复议 under # 四、…行政复议、行政诉讼情况)
    const orders = partOrders(it.h.title.text);
    if (orders.length === 0 || orders.some((o) => part.includes(o))) it.h = { ...it.h, level: last.level + 1 };
  }
}

/**
 * Which numbered top-level headings are the report's parts: the chain of headings whose numbers
 * count upwards that reads most like the parts of a report. A list restarting inside a part
 * (二、 … 一、 二、 三、 … 三、), a table row numbered like a part (四、结转下年度继续办理 before the
 * real 四、) and a table of contents (the parts' titles one after another, nothing under them) are
 * left out; between equally good chains the earliest headings win.
 */
function chooseTopLevel(cands: { ordinal: number; title: string; content: boolean }[], format?: number): Set<number> {
  const n = cands.length;
  if (n === 0) return new Set();
  // (a heading with text of its own under it counts a little more: a table of contents lists the
  // same titles, each followed at once by the next; a title counts most at the number the report's
  // format gives it, so that a list in part one titled as another format numbers its parts,
  // （一）主动公开情况（二）依申请公开情况 under （一）总体情况, does not stand for the parts)
  const score = cands.map((c) => (isTableRowHeading(c.title) ? -2 : 2 * (1 + knownTitle(c.title, c.ordinal, format)) + (c.content ? 1 : 0)));
  if (n > 3000) {
    // a pathological number of headings: count upwards greedily
    const chosen = new Set<number>();
    let last = 0;
    cands.forEach((c, i) => {
      if (c.ordinal > last && score[i]! > 0) {
        chosen.add(i);
        last = c.ordinal;
      }
    });
    return chosen;
  }
  return bestChain(cands, score);
}

/** The chain of headings whose numbers count upwards with the highest total score; between equally good chains the earliest headings win. */
function bestChain(cands: readonly { ordinal: number }[], score: readonly number[]): Set<number> {
  const n = cands.length;
  const chosen = new Set<number>();
  const best = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let tail = 0;
    for (let j = i + 1; j < n; j++) if (cands[j]!.ordinal > cands[i]!.ordinal && best[j]! > tail) tail = best[j]!;
    best[i] = score[i]! + tail;
  }
  let want = Math.max(...best);
  let from = 0;
  let last = 0;
  while (want > 0) {
    let k = -1;
    for (let j = from; j < n; j++) {
      if (cands[j]!.ordinal > last && best[j] === want) {
        k = j;
        break;
      }
    }
    if (k < 0) break;
    chosen.add(k);
    want -= score[k]!;
    last = cands[k]!.ordinal;
    from = k + 1;
  }
  return chosen;
}

/** A line of a table of contents: its title, leader dots (or a tab) and a page number. */
const LEADER = /(?:[.…·・．]{3,}|…{2,}|[-_—]{4,}|\t)[ \t]*[0-9０-９]{1,3}[ \t]*$/;
/** A page number after a title in a table of contents, with what leads to it. */
const PAGE_NUMBER = /[\s\u3000.…·・．_—-]*[0-9０-９]{1,3}[\s\u3000]*$/;

/**
 * The items that are lines of a table of contents, not headings: a title with leader dots and a
 * page number, and a run of three or more headings of parts with nothing under any of them whose
 * titles come again later as headings (the contents listed before the text). Without them, the
 * parts are the headings that have text under them, even when the text lacks a part the contents
 * list.
 */
function contentsEntries(items: readonly { block: Block; h?: HeadingCandidate }[]): Set<number> {
  const out = new Set<number>();
  // (a title as the contents give it: without its leader and page number)
  const key = (h: HeadingCandidate): string => `${h.numbering?.ordinal ?? ''}/${h.title.text.replace(PAGE_NUMBER, '').replace(/[\s\u3000]/g, '')}`;
  // where each heading's title stands last
  const lastAt = new Map<string, number>();
  items.forEach((it, k) => {
    if (it.h) lastAt.set(key(it.h), k);
  });
  let i = 0;
  while (i < items.length) {
    if (!items[i]!.h) {
      i++;
      continue;
    }
    let j = i;
    while (j < items.length && items[j]!.h && !items[j]!.h!.inlineBody) j++;
    const run = items.slice(i, j).filter((it) => it.h!.level === 1 && it.h!.numbering);
    if (run.length >= 3 && run.filter((it) => lastAt.get(key(it.h!))! >= j).length >= 2) for (let k = i; k < j; k++) out.add(k);
    i = Math.max(j, i + 1);
  }
  items.forEach((it, k) => {
    if (it.h && LEADER.test(it.block.text.text)) out.add(k);
  });
  return out;
}

/**
 * The level of numbering the report's parts have: 一、 (or 第一部分) as the format has it; one level
 * down when none of that level names a part and at least three of the level below do
 * (（一）总体情况 … （六）其他需要报告的事项, each a part's title).
 */
function partsLevel(items: readonly { h?: HeadingCandidate }[]): number {
  const named = (h: HeadingCandidate | undefined, level: number): boolean =>
    !!h?.numbering && h.level === level && !isTableRowHeading(h.title.text) && partOrders(h.title.text).length > 0;
  if (items.some((it) => named(it.h, 1))) return 1;
  for (let level = 2; level <= 3; level++) {
    const parts = new Set(items.filter((it) => named(it.h, level)).map((it) => it.h!.numbering!.ordinal));
    if (parts.size >= 3) return level;
  }
  return 1;
}

/**
 * Build the section tree. Top-level headings (一、 / 第一部分) must count upwards; one that does
 * not (a list restarting inside a section) is read as body text so it cannot cut the real
 * section short. In text with few line breaks, headings inside a line count too. `generation`:
 * the report's format as far as is known before its parts are (from the title's year).
 */
export function buildSections(blocks: Block[], titleBlock?: Block, generation?: string): { sections: Section[]; preamble: Block[] } {
  const top: Section[] = [];
  const preamble: Block[] = [];
  const stack: Section[] = [];

  // the blocks to build from, with the heading each one is
  const items: { block: Block; h?: HeadingCandidate }[] = [];
  const { minBlockLength } = sectionsVocabulary().v.inlineHeadings;
  const inline = fewLineBreaks(blocks);
  // a short report given as one line is searched too: a line that holds most of the text
  const textLength = blocks.reduce((n, b) => n + (b.type === 'table' ? 0 : b.text.length), 0);
  for (const block of blocks) {
    const long = block.text.length >= minBlockLength || block.text.length * 2 >= textLength;
    // a Markdown heading that runs on for the whole text (`# 标题 一、总体情况 …` on one line) is no heading
    const runOn = inline && long && block.type === 'heading' && block.text.length > 3 * MAX_TITLE;
    const h = runOn ? undefined : headingOf(block, titleBlock);
    if (!h && inline && (block !== titleBlock || runOn) && (block.type === 'paragraph' || runOn) && long) {
      const split = inlineHeadings(block, titleBlock);
      if (split) {
        for (const p of split.pieces) items.push({ block: p, h: split.headings.get(p) });
        continue;
      }
    }
    items.push({ block, h });
  }
  for (const i of contentsEntries(items)) items[i]!.h = undefined;
  nestFlatHeadings(items);
  const top1 = partsLevel(items);
  if (top1 > 1) {
    for (const it of items) if (it.h?.numbering && it.h.level >= top1) it.h = { ...it.h, level: it.h.level - top1 + 1 };
  }
  const numberedTop = items.map((it, i) => ({ it, i })).filter(({ it }) => it.h?.level === 1 && it.h.numbering);
  // whether a block that is no heading follows a heading before the next one
  const content = (i: number): boolean => items[i]!.h!.inlineBody || (i + 1 < items.length && !items[i + 1]!.h);
  const keep = chooseTopLevel(
    numberedTop.map(({ it, i }) => ({ ordinal: it.h!.numbering!.ordinal, title: it.h!.title.text, content: content(i) })),
    formatIndex(generation),
  );
  const dropped = new Set(numberedTop.filter((_, k) => !keep.has(k)).map(({ i }) => i));

  items.forEach(({ block, h }, i) => {
    const level = dropped.has(i) ? undefined : h?.level;
    if (h && level !== undefined && !(level > 1 && stack.length === 0 && h.numbering)) {
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      const sec: Section = {
        heading: block,
        title: h.title.text,
        titleText: h.title,
        numbering: h.numbering,
        level,
        range: { ...block.range },
        blocks: [],
        inlineBody: h.inlineBody,
        children: [],
        parent,
      };
      if (parent) parent.children.push(sec);
      else top.push(sec);
      stack.push(sec);
      for (const s of stack) s.range.end = Math.max(s.range.end, block.range.end);
      return;
    }
    const cur = stack[stack.length - 1];
    if (cur) {
      cur.blocks.push(block);
      for (const s of stack) s.range.end = Math.max(s.range.end, block.range.end);
    } else preamble.push(block);
  });
  return { sections: top, preamble };
}

/** Every section, depth first. */
export function allSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (s: Section): void => {
    out.push(s);
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}

/** All blocks under a section, its sub-sections' headings and blocks included. */
export function sectionBlocks(s: Section): Block[] {
  const out: Block[] = [...s.blocks];
  for (const c of s.children) out.push(c.heading, ...sectionBlocks(c));
  return out.sort((a, b) => a.index - b.index);
}
