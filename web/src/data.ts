/// <reference types="vite/client" />
/**
 * The browser's stand-in for src/config/data.ts: the same built-in JSON, bundled at build time
 * instead of read from the package folder. The build swaps it in (web/vite.config.ts); it has the
 * same exports.
 */
import type { DataSource, PdfAssetLocations } from '../../src/config/data.js';

export type { DataSource, PdfAssetLocations };

const schemas = import.meta.glob<unknown>('../../schemas/**/*.json', { eager: true, import: 'default' });
const profiles = import.meta.glob<unknown>('../../src/profiles/*.json', { eager: true, import: 'default' });
const vocabularies = import.meta.glob<unknown>('../../src/vocabulary/*.json', { eager: true, import: 'default' });
/** Set by the build: whether pdfjs-dist's assets were copied beside the page. */
declare const PDFJS_ASSETS: boolean;
const pkg = Object.values(import.meta.glob<unknown>('../../package.json', { eager: true, import: 'default' }))[0];

function bundled(table: Record<string, unknown>, key: string, where: string): DataSource {
  return {
    where,
    load: () => {
      if (!Object.hasOwn(table, key)) throw new Error(`${where} is not part of this build`);
      // a copy, as a file read would give: callers may keep or change what they get
      return structuredClone(table[key]);
    },
  };
}

export function jsonFileSource(file: string): DataSource {
  return {
    where: file,
    load: () => {
      throw new Error(`${file}: files cannot be read here; only the built-in profiles are available`);
    },
  };
}

export function schemaSource(name: string): DataSource {
  return bundled(schemas, `../../schemas/${name}`, `schemas/${name}`);
}

export function builtinProfileSources(): DataSource[] {
  return Object.keys(profiles)
    .sort()
    .map((k) => bundled(profiles, k, k.replace('../../', '')));
}

export function vocabularySource(domain: string): DataSource {
  return bundled(vocabularies, `../../src/vocabulary/${domain}.json`, `src/vocabulary/${domain}.json`);
}

export function packageJsonSource(): DataSource {
  const { name, version, homepage } = pkg as { name: string; version: string; homepage?: string };
  return { where: 'package.json', load: () => ({ name, version, homepage }) };
}

/**
 * pdf.js's character maps and standard fonts: the build copies them from pdfjs-dist into
 * `pdfjs/` beside the page (web/vite.config.ts), and pdf.js fetches them from there — from the
 * same server, so nothing leaves it. None when pdfjs-dist is not installed.
 */
export function pdfAssetLocations(): PdfAssetLocations {
  if (!PDFJS_ASSETS) return {};
  return {
    cMapUrl: new URL(/* @vite-ignore */ '../pdfjs/cmaps/', import.meta.url).href,
    standardFontDataUrl: new URL(/* @vite-ignore */ '../pdfjs/standard_fonts/', import.meta.url).href,
  };
}
