/**
 * A copy of a string that does not keep the text it was cut from.
 *
 * V8 represents a slice of 13 or more characters (`text.slice(a, b)`, a regex match, a trimmed
 * line) as a view into its parent string, so a slice kept in a cache keeps the whole report it was
 * cut from. Caches shared across files (labels, cell values, half-width forms) key and store
 * copies made by this function; without it a worker checking thousands of reports held every
 * report's text until its caches were cleared.
 *
 * Concatenating makes a two-part string; slicing that flattens it into a new string of its own,
 * and the slice taken then refers to that new string only.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
