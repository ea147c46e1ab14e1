/**
 * claimgraph query: name normalization, so that "Interpol", "INTERPOL" and "Ínterpol" find the same node.
 * Case, accents and punctuation are ignored; runs of spaces count as one.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower-cases, strips diacritics and replaces every run of non-letters/digits by one space. */
export function normalizeName(name: string): string {
  // plain ASCII (most names) has no accents to strip and no letters beyond a-z: a cheaper path for it
  if (PRINTABLE_ASCII.test(name)) return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
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
