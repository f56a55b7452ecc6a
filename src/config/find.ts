import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILENAME, isObject, PACKAGE_JSON_KEY, parseConfigJson } from './apply.js';
import { ConfigError } from './error.js';

/*
 * Finding configuration files and reading their JSON, before anything is checked: a run over
 * folders that hold none (most runs) learns it here without loading the schemas and the rules.
 */

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The file of a folder that may hold configuration: .ogilintrc.json, else package.json. */
export function configFileIn(dir: string): string | undefined {
  const rc = path.join(dir, CONFIG_FILENAME);
  if (isFile(rc)) return rc;
  const pkg = path.join(dir, 'package.json');
  return isFile(pkg) ? pkg : undefined;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ConfigError({ zh: `${file}：无法读取配置文件（${code}）`, en: `${file}: cannot read the configuration (${code})` });
  }
  return parseConfigJson(text, file);
}

/**
 * The configuration a file holds, as JSON not yet checked, and how messages name where it is;
 * undefined for a package.json without the "ogi-lint" key. Throws ConfigError for a file that
 * cannot be read or is not JSON.
 */
export function readConfigData(file: string): { data: unknown; where: string } | undefined {
  const data = readJson(file);
  if (path.basename(file) !== 'package.json') return { data, where: file };
  if (!isObject(data) || !(PACKAGE_JSON_KEY in data)) return undefined;
  return { data: data[PACKAGE_JSON_KEY], where: `${file} ("${PACKAGE_JSON_KEY}")` };
}

/**
 * Does a configuration file apply in any of these folders (it or a folder above it)? A file that
 * cannot be read or is not JSON counts: reading the configuration then says what is wrong with it.
 */
export function anyConfigFile(dirs: Iterable<string>): boolean {
  const seen = new Set<string>();
  for (const start of dirs) {
    for (let d = path.resolve(start); !seen.has(d); d = path.dirname(d)) {
      seen.add(d);
      const file = configFileIn(d);
      if (file) {
        try {
          if (readConfigData(file)) return true;
        } catch {
          return true;
        }
      }
    }
  }
  return false;
}
