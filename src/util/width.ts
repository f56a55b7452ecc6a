import { stringWidth } from './lazy.js';

/**
 * Characters string-width counts each as a grapheme of its own with a fixed width, as
 * [first, last, width]: printable ASCII, the punctuation and symbols of Chinese text (“”…—·①, box
 * drawing, the ✔ and ✖ of the findings' last line), kana, CJK ideographs and full-width forms.
 * Left out: the combining marks among them (U+302A–302F, U+3099–309A), which join the character
 * before, and unassigned code points.
 * `test/width.test.ts` checks every one against string-width and Intl.Segmenter.
 */
export const SIMPLE_WIDTHS: readonly (readonly [number, number, 1 | 2])[] = [
  [0x20, 0x7e, 1],
  [0xa7, 0xa7, 1],
  [0xb0, 0xb1, 1],
  [0xb7, 0xb7, 1],
  [0xd7, 0xd7, 1],
  [0xf7, 0xf7, 1],
  [0x2010, 0x2027, 1],
  [0x2030, 0x203b, 1],
  [0x2103, 0x2103, 1],
  [0x2160, 0x216b, 1],
  [0x2190, 0x2199, 1],
  [0x2460, 0x24ff, 1],
  [0x2500, 0x257f, 1],
  [0x25a0, 0x25fc, 1],
  [0x25fd, 0x25fe, 2],
  [0x25ff, 0x25ff, 1],
  [0x2605, 0x2606, 1],
  [0x2714, 0x2714, 1],
  [0x2716, 0x2716, 1],
  [0x3000, 0x3029, 2],
  [0x3030, 0x303e, 2],
  [0x303f, 0x303f, 1],
  [0x3041, 0x3096, 2],
  [0x309b, 0x30ff, 2],
  [0x3400, 0x4dbf, 2],
  [0x4e00, 0x9fff, 2],
  [0xf900, 0xfaff, 2],
  [0xfe30, 0xfe4f, 2],
  [0xff01, 0xff60, 2],
  [0xffe0, 0xffe6, 2],
];

let table: Uint8Array | undefined;

/** The width of each BMP code point in SIMPLE_WIDTHS, 0 for every other. */
function widths(): Uint8Array {
  if (!table) {
    table = new Uint8Array(0x10000);
    for (const [from, to, w] of SIMPLE_WIDTHS) table.fill(w, from, to + 1);
  }
  return table;
}

/**
 * The display width of a text, as string-width gives it (a Chinese character two columns, a Latin
 * letter one). A text made only of the characters of SIMPLE_WIDTHS — nearly every line of a Chinese
 * report — is added up character by character; string-width, which splits the text into graphemes
 * and tests each against the emoji set, measures any other. The PDF reader measures each printed
 * line again for every cell it pads to its column, and string-width took a sixth of a PDF's check.
 */
export function displayWidth(s: string): number {
  const t = widths();
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = t[s.charCodeAt(i)]!;
    if (c === 0) return stringWidth()(s);
    w += c;
  }
  return w;
}
