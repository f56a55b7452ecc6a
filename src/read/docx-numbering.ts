/**
 * Word's automatic numbering, written out. A heading typed as `一、总体情况` in Word or WPS often
 * becomes an automatically numbered paragraph (both turn a line that starts `一、` into a numbered
 * list as it is typed, and templates number their heading styles): the document then holds
 * `总体情况` and a reference to a numbering definition, and the `一、` exists only on screen. mammoth
 * makes such paragraphs items of an HTML list without their numbers, so the report's parts, table
 * rows and items lost the numbers they are known by.
 *
 * Here each numbered paragraph gets its label as Word shows it, as text at its start, and its
 * numbering is taken off: the numbering definitions (`word/numbering.xml`: abstract numberings and
 * the numbering instances that point to them, with their start and level overrides), the numbering
 * a paragraph style carries (`word/styles.xml`, through `basedOn`), and the paragraphs in document
 * order, counted per list and level as Word counts them (a level restarts after a higher one).
 * Bulleted lists are left as lists.
 */

import { formatNumber } from '../util/list-numbers.js';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** One level of a numbering definition. */
interface Level {
  start: number;
  format: string;
  text: string;
  /** `w:suff`: what follows the label (tab by default) */
  suffix: string;
  /** `w:isLgl`: the other levels' numbers shown as decimals */
  legal: boolean;
  /** `w:lvlRestart`: restart after this (1-based) level, 0 for never */
  restart?: number;
}

const elements = (list: { length: number; item(i: number): Element | null }): Element[] => Array.from({ length: list.length }, (_, i) => list.item(i)!);
const children = (el: Element, name: string): Element[] => Array.from(el.childNodes).filter((c): c is Element => c.nodeType === 1 && (c as Element).localName === name && (c as Element).namespaceURI === W_NS);
const child = (el: Element | undefined, name: string): Element | undefined => (el ? children(el, name)[0] : undefined);
const val = (el: Element | undefined): string | undefined => el?.getAttributeNS(W_NS, 'val') ?? el?.getAttribute('w:val') ?? undefined;
const intOf = (s: string | undefined): number | undefined => (s !== undefined && /^-?\d+$/.test(s.trim()) ? Number.parseInt(s, 10) : undefined);

function readLevel(lvl: Element): Level {
  const restart = intOf(val(child(lvl, 'lvlRestart')));
  return {
    start: intOf(val(child(lvl, 'start'))) ?? 1,
    format: val(child(lvl, 'numFmt')) ?? 'decimal',
    text: val(child(lvl, 'lvlText')) ?? '',
    suffix: val(child(lvl, 'suff')) ?? 'tab',
    legal: child(lvl, 'isLgl') !== undefined && val(child(lvl, 'isLgl')) !== '0' && val(child(lvl, 'isLgl')) !== 'false',
    ...(restart !== undefined ? { restart } : {}),
  };
}

/** A numbering instance: its abstract numbering's levels with its own overrides. */
interface Instance {
  list: string;
  levels: Map<number, Level>;
  /** levels whose count starts again where this instance is first used */
  starts: Map<number, number>;
}

function readNumberingPart(doc: Document): Map<string, Instance> {
  const abstracts = new Map<string, Map<number, Level>>();
  const links = new Map<string, string>();
  for (const a of elements(doc.getElementsByTagNameNS(W_NS, 'abstractNum'))) {
    const id = a.getAttributeNS(W_NS, 'abstractNumId') ?? a.getAttribute('w:abstractNumId') ?? '';
    const levels = new Map<number, Level>();
    for (const lvl of children(a, 'lvl')) levels.set(intOf(lvl.getAttributeNS(W_NS, 'ilvl') ?? lvl.getAttribute('w:ilvl') ?? '0') ?? 0, readLevel(lvl));
    abstracts.set(id, levels);
    // a definition that takes its levels from a style's (numStyleLink) is linked by that style
    const link = val(child(a, 'numStyleLink'));
    if (link) links.set(id, link);
  }
  const out = new Map<string, Instance>();
  for (const num of elements(doc.getElementsByTagNameNS(W_NS, 'num'))) {
    const id = num.getAttributeNS(W_NS, 'numId') ?? num.getAttribute('w:numId') ?? '';
    const list = val(child(num, 'abstractNumId')) ?? '';
    const levels = new Map(abstracts.get(list) ?? []);
    const starts = new Map<number, number>();
    for (const o of children(num, 'lvlOverride')) {
      const ilvl = intOf(o.getAttributeNS(W_NS, 'ilvl') ?? o.getAttribute('w:ilvl') ?? '0') ?? 0;
      const lvl = child(o, 'lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
      const start = intOf(val(child(o, 'startOverride')));
      if (start !== undefined) starts.set(ilvl, start);
    }
    out.set(id, { list, levels, starts });
  }
  return out;
}

/** The numbering (numId, ilvl) each paragraph style gives, through the styles it is based on. */
function readStyles(doc: Document | undefined): (styleId: string) => { numId?: string; ilvl?: number } {
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (doc) {
    for (const s of elements(doc.getElementsByTagNameNS(W_NS, 'style'))) {
      if ((s.getAttributeNS(W_NS, 'type') ?? s.getAttribute('w:type')) !== 'paragraph') continue;
      const id = s.getAttributeNS(W_NS, 'styleId') ?? s.getAttribute('w:styleId') ?? '';
      const numPr = child(child(s, 'pPr'), 'numPr');
      const numId = val(child(numPr, 'numId'));
      const ilvl = intOf(val(child(numPr, 'ilvl')));
      styles.set(id, { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}), ...(val(child(s, 'basedOn')) ? { basedOn: val(child(s, 'basedOn')) } : {}) });
    }
  }
  return (styleId) => {
    const seen = new Set<string>();
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let id: string | undefined = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn) {
      seen.add(id);
      const s = styles.get(id);
      numId ??= s?.numId;
      ilvl ??= s?.ilvl;
    }
    return { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}) };
  };
}

/**
 * Write the labels of a document's numbered paragraphs into its text (see above). `doc` is the
 * main part, changed in place; `numbering` and `styles` the numbering and style parts. Returns
 * whether anything changed (nothing is numbered, or nothing but bullets: no).
 */
export function writeOutNumbering(doc: Document, numbering: Document, styles: Document | undefined): boolean {
  const instances = readNumberingPart(numbering);
  const styleNumbering = readStyles(styles);

  /** per list: the count reached at each level */
  const counts = new Map<string, Map<number, number>>();
  const used = new Set<string>();
  let changed = false;
  for (const p of elements(doc.getElementsByTagNameNS(W_NS, 'p'))) {
    const pPr = child(p, 'pPr');
    const own = child(pPr, 'numPr');
    const style = val(child(pPr, 'pStyle'));
    const fromStyle = style ? styleNumbering(style) : {};
    const numId = val(child(own, 'numId')) ?? fromStyle.numId;
    if (numId === undefined || numId === '0') continue;
    const ilvl = intOf(val(child(own, 'ilvl'))) ?? fromStyle.ilvl ?? 0;
    const inst = instances.get(numId);
    const level = inst?.levels.get(ilvl);
    if (!inst || !level || level.format === 'bullet') continue;
    const count = counts.get(inst.list) ?? new Map<number, number>();
    counts.set(inst.list, count);
    // an instance with start overrides starts its levels again where it is first used
    if (!used.has(numId)) {
      used.add(numId);
      for (const [l, start] of inst.starts) count.set(l, start - 1);
    }
    count.set(ilvl, (count.get(ilvl) ?? level.start - 1) + 1);
    // the levels below start again: after any level above them, or after the one `lvlRestart` names (0: never)
    for (let l = ilvl + 1; l < 9; l++) {
      const restart = inst.levels.get(l)?.restart;
      if (restart === undefined || (restart > 0 && ilvl <= restart - 1)) count.delete(l);
    }
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = inst.levels.get(l);
      const n = count.get(l) ?? lv?.start ?? 1;
      return formatNumber(n, level.legal && l !== ilvl ? 'decimal' : (lv?.format ?? 'decimal'));
    });
    const text = label + (level.suffix === 'nothing' || label === '' ? '' : ' ');
    if (text !== '') {
      const r = doc.createElementNS(W_NS, 'w:r');
      const t = doc.createElementNS(W_NS, 'w:t');
      t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
      t.appendChild(doc.createTextNode(text));
      r.appendChild(t);
      p.insertBefore(r, pPr ? pPr.nextSibling : p.firstChild);
    }
    // the paragraph is no longer a list item: numbering 0 overrides a style's as well
    const pr = pPr ?? p.insertBefore(doc.createElementNS(W_NS, 'w:pPr'), p.firstChild);
    if (own) pr.removeChild(own);
    const none = doc.createElementNS(W_NS, 'w:numPr');
    const zero = doc.createElementNS(W_NS, 'w:numId');
    zero.setAttributeNS(W_NS, 'w:val', '0');
    none.appendChild(zero);
    const pStyle = child(pr, 'pStyle');
    pr.insertBefore(none, pStyle ? pStyle.nextSibling : pr.firstChild);
    changed = true;
  }
  return changed;
}

/**
 * Simple fields (`w:fldSimple`: a date, a document property, a mail-merge field an office system
 * filled in) replaced by the text they show, which mammoth would leave out. Returns whether any was.
 */
export function unwrapSimpleFields(doc: Document): boolean {
  const fields = elements(doc.getElementsByTagNameNS(W_NS, 'fldSimple'));
  for (const f of fields) {
    const parent = f.parentNode;
    if (!parent) continue;
    while (f.firstChild) parent.insertBefore(f.firstChild, f);
    parent.removeChild(f);
  }
  return fields.length > 0;
}
