/**
 * The known name closest to a mistyped one (`$arg` → `$args`, `tilte` →
 * `title`), ignoring case, for a build message's "did you mean": within two
 * edits, one for names of three characters or fewer, where a second edit
 * would make any short name look like any other.
 */
export function nearestName(name: string, known: Iterable<string>): string | undefined {
  const allowed = name.length <= 3 ? 1 : 2;
  let best: { name: string; edits: number } | undefined;
  for (const candidate of known) {
    const edits = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (edits <= allowed && edits < (best?.edits ?? Infinity)) best = { name: candidate, edits };
  }
  return best?.name;
}

/** `; did you mean "title"?`, to end a message, or nothing when no known name is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const near = nearestName(name, known);
  return near === undefined ? '' : `; did you mean "${near}"?`;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
