/**
 * Every match of a global regular expression in a string, as `str.matchAll(re)` gives them, but
 * run on `re` itself: matchAll copies the expression on every call, which costs more than the
 * search when a short text is searched many times. Starts at `re.lastIndex` and leaves it as it
 * was, as matchAll does; an empty match moves on by one character (one code point with the `u` flag).
 */
export function execAll(re: RegExp, str: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('execAll needs a global regular expression');
  const out: RegExpExecArray[] = [];
  const from = re.lastIndex;
  let m: RegExpExecArray | null;
  try {
    while ((m = re.exec(str))) {
      out.push(m);
      if (m[0] === '') re.lastIndex = advance(str, re.lastIndex, re.unicode || (re as { unicodeSets?: boolean }).unicodeSets === true);
    }
  } finally {
    re.lastIndex = from;
  }
  return out;
}

function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
