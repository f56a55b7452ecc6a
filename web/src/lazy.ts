/**
 * The browser's stand-in for src/util/lazy.ts: the same exports, the dependencies imported with the
 * bundle (the page has no `require`; the Web Worker loads them once, with the lint code).
 */
import rehypeParsePlugin from 'rehype-parse';
import { toMdast } from 'hast-util-to-mdast';
import { Ajv } from 'ajv';

/** A value computed once, on first use. */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T | undefined;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

export const rehypeParse = once(() => rehypeParsePlugin);
export const hastToMdast = once(() => toMdast);
export const AjvClass = once(() => Ajv);
