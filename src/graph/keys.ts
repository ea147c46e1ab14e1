/**
 * claimgraph stable keys: node and edge keys derived from content only (kind, name, text), so the same input
 * always gives the same keys and a diff of two builds shows what changed.
 */
import { hash } from 'node:crypto';

/** Lower-case ASCII slug: accents folded, anything else to single dashes. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

const ASCII = /^[\x00-\x7f]*$/;

/** Normalised form used to decide that two names or two propositions are the same. */
export function normalizeText(text: string): string {
  // Fast path, same result: plain ASCII has nothing to decompose and no letters outside a-z.
  if (ASCII.test(text)) return text.toLowerCase().replace(/["'`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function shortHash(text: string): string {
  // the one-shot hash: a quarter of the cost of a createHash object per claim
  return hash('sha1', text).slice(0, 12);
}

export function claimKey(text: string): string {
  return `claim:${shortHash(normalizeText(text))}`;
}

export function entityKey(kind: string, label: string, localToDoc?: string): string {
  return localToDoc ? `${kind}:${slug(label)}@${slug(localToDoc)}` : `${kind}:${slug(label)}`;
}

/**
 * An entity node's key, made unique: two things kept apart that share a kind and a label (an unrelated "hole"
 * in two articles, a surname that could be two people) would otherwise fall into one node. The first keeps the
 * plain key; the next is keyed by the article of its first mention, then numbered. Groups arrive in build
 * order, so which one keeps the plain key does not depend on the order of extraction.
 */
export function uniqueEntityKey(kind: string, label: string, doc: string, local: boolean, taken: (key: string) => boolean): string {
  const plain = entityKey(kind, label, local ? doc : undefined);
  if (!taken(plain)) return plain;
  const byDoc = entityKey(kind, label, doc);
  if (!taken(byDoc)) return byDoc;
  for (let n = 2; ; n++) if (!taken(`${byDoc}-${n}`)) return `${byDoc}-${n}`;
}

export function edgeKey(kind: string, source: string, target: string, undirected = false): string {
  if (undirected) {
    const [a, b] = [source, target].sort();
    return `${kind}:${a}--${b}`;
  }
  return `${kind}:${source}->${target}`;
}
