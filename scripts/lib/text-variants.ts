/**
 * Varied copies of a set of texts, for benchmarks at sizes the corpus does not have: copy k of a text keeps its
 * first paragraph (the title line, where claimgraph takes the title from) and rotates the other paragraphs by k,
 * so that every copy reads as an article and no two copies are the same text (the extraction cache and the
 * graph's cross-article joins would otherwise make repeats cheap and the figures flattering). Deterministic.
 */

/** Paragraph breaks: a line break, any blank run, a line break. The parts never contain one, so joining is reversible. */
const PARAGRAPH_BREAK = /\n\s*\n/;

/** The smallest rotation that gives `items` back: rotations by 0 … period-1 are pairwise different. */
export function rotationPeriod(items: readonly string[]): number {
  for (let d = 1; d < items.length; d++) {
    if (items.length % d === 0 && items.every((item, i) => item === items[(i + d) % items.length])) return d;
  }
  return Math.max(1, items.length);
}

/**
 * Copy `copy` (0, 1, 2, …) of `text`: the body's paragraphs rotated by copy mod p, where p is the number of
 * different rotations; once those run out (copy >= p), the title line gets " (2)", " (3)", … for each further
 * round, so copies stay distinct even for a text of one paragraph. Copy 0 is the text with its paragraph breaks
 * made uniform (one blank line), its words unchanged.
 */
export function textVariant(text: string, copy: number): string {
  const [head = '', ...body] = text.trim().split(PARAGRAPH_BREAK);
  const period = rotationPeriod(body);
  const shift = copy % period;
  const round = Math.floor(copy / period);
  const rotated = [...body.slice(shift), ...body.slice(0, shift)];
  return [markTitle(head, round), ...rotated].join('\n\n') + '\n';
}

/** The title line (the head's first line) with the round's mark; round 0 is unmarked. */
function markTitle(head: string, round: number): string {
  if (round === 0) return head;
  const end = head.indexOf('\n');
  return end < 0 ? `${head} (${round + 1})` : `${head.slice(0, end)} (${round + 1})${head.slice(end)}`;
}

export interface NamedText {
  name: string;
  text: string;
}

/**
 * The sources whose copy 0 no earlier source already gives, in their order: a corpus can hold one article
 * twice (PolNeAR's training texts hold one story under two dates), and its copies would repeat too.
 */
export function distinctSources(sources: readonly NamedText[]): NamedText[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const text = textVariant(s.text, 0);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * `count` articles from the distinct `sources` (in their order): article i is copy floor(i / d) of distinct
 * source i mod d, named `cK-NAME` with K zero-padded so that path order is copy order.
 */
export function* variedArticles(all: readonly NamedText[], count: number): Generator<NamedText> {
  const sources = distinctSources(all);
  if (sources.length === 0) return;
  const copies = Math.ceil(count / sources.length);
  const width = String(Math.max(0, copies - 1)).length;
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const copy = Math.floor(i / sources.length);
    yield { name: `c${String(copy).padStart(width, '0')}-${source.name}`, text: textVariant(source.text, copy) };
  }
}
