/**
 * Suggestions for a mistyped word ("did you mean …"): the candidates within a few
 * edits of what was typed, closest first. Case, spaces and dashes do not count.
 */
export function closestWords(typed: string, candidates: readonly string[], max = 3): string[] {
  const said = fold(typed);
  if (said === '') return [];
  // One edit, plus one more for every three characters, at most three: "fone" finds Phone, "xyz" finds nothing.
  const allowed = Math.min(3, 1 + Math.floor(said.length / 3));
  return candidates
    .map((c) => ({ c, d: editDistance(said, fold(c)) }))
    .filter((x) => x.d <= allowed)
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((x) => x.c);
}

/** "A", "A or B", "A, B or C". */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Levenshtein distance: insertions, deletions and substitutions, one each. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length]!;
}
