/**
 * The last of `items` (sorted by `at`) whose `at` is at most `value`, by binary search; undefined
 * when every one is past it.
 */
export function lastAtMost<T>(items: readonly T[], value: number, at: (item: T) => number): T | undefined {
  const i = lastIndexAtMost(items, value, at);
  return i < 0 ? undefined : items[i];
}

/** The index of the last of `items` (sorted by `at`) whose `at` is at most `value`; −1 when every one is past it. */
export function lastIndexAtMost<T>(items: readonly T[], value: number, at: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at(items[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
