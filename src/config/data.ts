import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../util/paths.js';

/**
 * Where the data shipped with ogi-lint comes from: JSON schemas (`schemas/`), built-in profiles
 * (`src/profiles/`), vocabularies (`src/vocabulary/`) and package.json. Here they are files in the
 * package folder, read when first needed. The browser build swaps this module for
 * `web/src/data.ts`, which bundles the same files; nothing else in the library reads them.
 */
export interface DataSource {
  /** where the data is, for messages (a path) */
  where: string;
  /** the parsed JSON; throws when it cannot be read or parsed */
  load(): unknown;
}

function fileSource(file: string): DataSource {
  return { where: file, load: () => JSON.parse(readFileSync(file, 'utf8')) };
}

/** A JSON file given by the user (a profile named in a configuration). */
export function jsonFileSource(file: string): DataSource {
  return fileSource(file);
}

/** One of the JSON schemas in `schemas/` (`name` may have a folder: `vocabulary/x.schema.json`). */
export function schemaSource(name: string): DataSource {
  return fileSource(path.join(packageRoot(), 'schemas', name));
}

/** The built-in profiles, in file-name order. */
export function builtinProfileSources(): DataSource[] {
  const dir = path.join(packageRoot(), 'src', 'profiles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => fileSource(path.join(dir, f)));
}

/** The vocabulary of one domain. */
export function vocabularySource(domain: string): DataSource {
  return fileSource(path.join(packageRoot(), 'src', 'vocabulary', `${domain}.json`));
}

/** The package's own package.json. */
export function packageJsonSource(): DataSource {
  return fileSource(path.join(packageRoot(), 'package.json'));
}

/** Where pdf.js finds the character maps of non-embedded CJK fonts and the standard fonts (folders or URLs ending in `/`). */
export interface PdfAssetLocations {
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

let pdfAssets: PdfAssetLocations | undefined;

/** pdf.js's `cmaps/` and `standard_fonts/` in the installed pdfjs-dist; none when it is not installed. */
export function pdfAssetLocations(): PdfAssetLocations {
  if (!pdfAssets) {
    try {
      const dir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
      pdfAssets = { cMapUrl: path.join(dir, 'cmaps') + path.sep, standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep };
    } catch {
      pdfAssets = {};
    }
  }
  return pdfAssets;
}
