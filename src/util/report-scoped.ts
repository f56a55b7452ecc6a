/**
 * Caches of what is worked out about one report's objects (the report, its blocks, figures, table
 * rows and tables), emptied when the next report is modelled (`nextReport`, called by the model).
 *
 * A module-level WeakMap keyed by those objects would give the same answers, but V8's
 * young-generation collector (the scavenger) holds the values of a WeakMap that lives in the old
 * generation as strongly as any other object's fields, whether or not their keys are still alive.
 * Each scavenge then kept whatever a report's cached values reach (most of its model) and promoted
 * it at the next, for the old generation's collector to free later: about 1.5 MB a scavenge over
 * generated reports, almost all that survived. A cache's map here is made again for each report, so
 * it dies young with the report (bench/results/README.md, section 21).
 *
 * A look-up about an object of an earlier report misses, and the caller works the answer out again:
 * these caches only save work, they never decide an answer.
 */
export class ReportScoped<K extends object, V> {
  private map: WeakMap<K, V> | undefined;

  constructor() {
    scoped.push(this as ReportScoped<object, unknown>);
  }

  get(key: K): V | undefined {
    return this.map?.get(key);
  }

  has(key: K): boolean {
    return this.map?.has(key) ?? false;
  }

  set(key: K, value: V): this {
    (this.map ??= new WeakMap()).set(key, value);
    return this;
  }

  /** Forget every answer (the next report is being modelled). */
  clear(): void {
    this.map = undefined;
  }
}

/** Every ReportScoped cache made (at module level: a fixed number). */
const scoped: ReportScoped<object, unknown>[] = [];

/** A new report is being modelled: the caches of the one before are let go. */
export function nextReport(): void {
  for (const c of scoped) c.clear();
}
