/**
 * Edit distance between two strings: insertions, deletions, substitutions and swaps of two
 * neighbouring characters (`--form` for `--from` is one typo, not two).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const above = rows[i - 1] as number[];
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** Case, dashes and underscores aside: `nsFrom`, `ns_from` and `ns-from` are one name. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/**
 * The candidate `given` most likely meant, or undefined when none is close: the same name spelt
 * another way (`--nsFrom` for `--ns-from`), or one within a few typos of it.
 */
export function closest(given: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(given);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  return best.distance <= allowed ? best.candidate : undefined;
}
