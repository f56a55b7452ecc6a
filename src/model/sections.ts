import type { Block, Section } from './types.js';
import { readNumbering, styleLevel } from './numbering.js';
import type { MappedText } from '../util/mapped-text.js';
import { builtinProfiles } from '../config/profiles.js';

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

let rowTitles: Set<string> | undefined;
const compact = (s: string): string => s.replace(/[\s\u3000]+/g, '').replace(/^[一二三四五六七八九十]+[、.．]/, '');

/**
 * The row labels of the statistics tables (`四、结转下年度继续办理`), without their numbering: a line
 * that is one of them is a table row laid out as text, not a section heading.
 */
function tableRowTitles(): Set<string> {
  if (rowTitles) return rowTitles;
  rowTitles = new Set();
  for (const p of builtinProfiles().values()) {
    const templates = (p.tables as { templates?: { blocks?: { rows?: { title?: string }[] }[] }[] } | undefined)?.templates ?? [];
    for (const t of templates) {
      for (const b of t.blocks ?? []) for (const r of b.rows ?? []) if (r.title && /^[一二三四五六七八九十]+、/.test(r.title)) rowTitles.add(compact(r.title));
    }
  }
  return rowTitles;
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
  if (styleLevel(num.numbering.style) === 1 && tableRowTitles().has(compact(rest.text.replace(/[\d\s./—-]+$/, '')))) return undefined;
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

/**
 * Build the section tree. Top-level headings (一、 / 第一部分) must count upwards; one that does
 * not (a list restarting inside a section) is read as a lower-level item so it cannot cut the
 * real section short.
 */
export function buildSections(blocks: Block[], titleBlock?: Block): { sections: Section[]; preamble: Block[] } {
  const top: Section[] = [];
  const preamble: Block[] = [];
  const stack: Section[] = [];
  let lastTopOrdinal = 0;

  for (const block of blocks) {
    const h = headingOf(block, titleBlock);
    let level = h?.level;
    if (h && level === 1 && h.numbering) {
      if (h.numbering.ordinal <= lastTopOrdinal) level = undefined;
      else lastTopOrdinal = h.numbering.ordinal;
    }
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
      continue;
    }
    const cur = stack[stack.length - 1];
    if (cur) {
      cur.blocks.push(block);
      for (const s of stack) s.range.end = Math.max(s.range.end, block.range.end);
    } else preamble.push(block);
  }
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
