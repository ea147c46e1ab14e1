/**
 * claimgraph query: name normalization, so that "Roscosmos", "ROSCOSMOS" and "Róscosmos" find the same node.
 * Case, accents and punctuation are ignored; runs of spaces count as one.
 */

/** Lower-cases, strips diacritics and replaces every run of non-letters/digits by one space. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a normalized name. */
export function nameTokens(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}
