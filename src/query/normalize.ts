/**
 * claimgraph query: name normalization, so that "Roscosmos", "ROSCOSMOS" and "Róscosmos" find the same node.
 * Case, accents and punctuation are ignored; runs of spaces count as one.
 */

/** Lower-cases, strips diacritics and replaces every run of non-letters/digits by one space. */
export function normalizeName(name: string): string {
  // plain ASCII (most names) has no accents to strip, so it skips the Unicode decomposition
  const folded = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}+/gu, '');
  return folded
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a normalized name. */
export function nameTokens(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}
