import { readdirSync, readFileSync } from 'node:fs';

/** The command lines (arguments joined by spaces) of the running processes whose arguments contain `text` (Linux: /proc). */
export function processesWith(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue; // ended meanwhile
    }
    if (cmdline.includes(text)) found.push(cmdline);
  }
  return found;
}
