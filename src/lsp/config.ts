import { statSync } from 'node:fs';
import path from 'node:path';
import { ConfigLoader, type ResolvedConfig } from '../config/load.js';
import { ConfigError } from '../config/profiles.js';

/**
 * Configuration for the documents an editor opens, found as the command line finds it: the
 * `.ogilintrc.json` (or package.json's "ogi-lint" key) nearest each file, up to a `"root": true`.
 * One loader per workspace folder (a `configFile` setting is relative to its folder). A loader is
 * dropped when a configuration file it read changes on disk, so an edit takes effect even when the
 * editor does not report file changes.
 */
export class WorkspaceConfigs {
  private folders: string[] = [];
  private readonly loaders = new Map<string, ConfigLoader>();
  /** modification times of the configuration files read so far */
  private readonly stamps = new Map<string, number>();

  constructor(private configFile: () => string | undefined) {}

  setFolders(folders: string[]): void {
    this.folders = [...folders].map((f) => path.resolve(f)).sort((a, b) => b.length - a.length);
    this.reset();
  }

  /** Forget every configuration read (a file changed, or the settings did). */
  reset(): void {
    this.loaders.clear();
    this.stamps.clear();
  }

  /** The workspace folder a path is in (the innermost one), if any. */
  folderOf(filePath: string): string | undefined {
    const abs = path.resolve(filePath);
    return this.folders.find((f) => abs === f || abs.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  }

  private loader(folder: string): ConfigLoader {
    let l = this.loaders.get(folder);
    if (!l) {
      const file = this.configFile();
      l = new ConfigLoader({ configFile: file ? path.resolve(folder, file) : undefined });
      this.loaders.set(folder, l);
    }
    return l;
  }

  /** Drop the cache when a configuration file read before has changed or gone. */
  private checkStamps(): void {
    for (const [file, mtime] of this.stamps) {
      if (mtimeOf(file) !== mtime) {
        this.reset();
        return;
      }
    }
  }

  private remember(resolved: ResolvedConfig): void {
    for (const f of [...resolved.files, ...(resolved.config.profiles ?? [])]) {
      if (!this.stamps.has(f)) this.stamps.set(f, mtimeOf(f));
    }
  }

  /**
   * The configuration for a file (or, without a path, for the first workspace folder). Throws
   * ConfigError when a configuration file is malformed.
   */
  forFile(filePath: string | undefined): ResolvedConfig {
    this.checkStamps();
    const folder = filePath ? (this.folderOf(filePath) ?? path.dirname(path.resolve(filePath))) : (this.folders[this.folders.length - 1] ?? process.cwd());
    const loader = this.loader(folder);
    let resolved: ResolvedConfig;
    try {
      resolved = filePath ? loader.forFile(filePath) : loader.forDirectory(folder);
    } catch (e) {
      // a broken file is read again next time, so fixing it clears the error
      this.loaders.delete(folder);
      throw e instanceof ConfigError ? e : new ConfigError((e as Error).message);
    }
    this.remember(resolved);
    return resolved;
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
