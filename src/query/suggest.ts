/**
 * claimgraph query: "did you mean" for a name that matches nothing. Scores every known name by edit distance
 * and by shared words; only runs on the error path, so a linear scan is fine even on large graphs.
 */
import { nameTokens } from './normalize';

/** Levenshtein distance, giving up (returning `max + 1`) once it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Share of the query's words found in the candidate (0 to 1); a word of 3+ letters may be a prefix ("Bridenst"). */
function tokenOverlap(queryTokens: string[], candidate: string): number {
  if (!queryTokens.length) return 0;
  const words = nameTokens(candidate);
  const found = (t: string) => words.some((w) => w === t || (t.length >= 3 && w.startsWith(t)));
  return queryTokens.filter(found).length / queryTokens.length;
}

/**
 * The `limit` names closest to `query` (both normalized): within an edit distance of a third of its length
 * (at least 1), or sharing at least one word. Best first: edit-distance matches by distance, then word-overlap
 * matches by overlap and then by distance, then the shorter name, then the name itself.
 */
export function closestNames(query: string, names: Iterable<string>, limit = 5): string[] {
  const maxDistance = Math.max(1, Math.floor(query.length / 3));
  const queryTokens = nameTokens(query);
  const scored: { name: string; tier: number; overlap: number; distance: number }[] = [];
  for (const name of names) {
    const distance = boundedEditDistance(query, name, maxDistance);
    if (distance <= maxDistance) {
      scored.push({ name, tier: 0, overlap: 0, distance });
      continue;
    }
    const overlap = tokenOverlap(queryTokens, name);
    if (overlap > 0) scored.push({ name, tier: 1, overlap, distance: boundedEditDistance(query, name, 64) });
  }
  scored.sort(
    (x, y) =>
      x.tier - y.tier || y.overlap - x.overlap || x.distance - y.distance || x.name.length - y.name.length ||
      (x.name < y.name ? -1 : x.name > y.name ? 1 : 0),
  );
  return scored.slice(0, limit).map((s) => s.name);
}
