/** A size as people read it: 20 MB, 512 KB, 812 bytes (binary multiples, as --max-file-size takes them). */
export function formatByteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  const [unit, div] = n < 1024 ** 2 ? ['KB', 1024] : n < 1024 ** 3 ? ['MB', 1024 ** 2] : ['GB', 1024 ** 3];
  const v = n / (div as number);
  return `${v >= 100 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${unit}`;
}
