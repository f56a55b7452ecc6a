import { createRequire } from 'node:module';
import { once } from './once.js';

/**
 * Heavy dependencies are loaded the first time a file needs them, not at start-up: a run over
 * plain text never loads the Markdown or HTML parser, the Word converter, the encoding detector or
 * the schema validator.
 * (`require` of an ES module is supported from Node 20.19, the oldest version ogi-lint runs on.)
 */
const load = createRequire(import.meta.url);

export { once };

/** remark-parse's plugin (Markdown files only: plain text, Word, PDF and HTML never load the Markdown parser). */
export const remarkParse = once(() => (load('remark-parse') as typeof import('remark-parse')).default);

/** remark-gfm's plugin. */
export const remarkGfm = once(() => (load('remark-gfm') as typeof import('remark-gfm')).default);

/** rehype-parse's plugin. */
export const rehypeParse = once(() => (load('rehype-parse') as typeof import('rehype-parse')).default);

/** hast-util-to-mdast's converter. */
export const hastToMdast = once(() => (load('hast-util-to-mdast') as typeof import('hast-util-to-mdast')).toMdast);

/** jschardet's encoding detector (asked only about a file that is neither UTF-8 nor clean GB18030). */
export const jschardet = once(() => load('jschardet') as typeof import('jschardet'));

/** ajv's class. */
export const AjvClass = once(() => (load('ajv') as typeof import('ajv')).Ajv);
