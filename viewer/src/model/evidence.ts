/**
 * Evidence as the reader sees it: a document's text cut into plain, sentence and span segments, so the
 * view can highlight the exact words inside their sentence. Pure: the DOM side only turns segments into text nodes.
 */
import type { Evidence } from '../../../src/graph/schema';

export type SegmentMark = 'plain' | 'sentence' | 'span';

export interface Segment {
  text: string;
  mark: SegmentMark;
  start: number;
}

/**
 * The sentence that holds [start, end): back to the previous sentence end (. ! ? followed by space, or a
 * line break) and on to the next one. A display heuristic only; offsets stay the builder's.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = Math.max(0, Math.min(start, text.length));
  while (from > 0) {
    const prev = text[from - 1]!;
    if (prev === '\n') break;
    if (/\s/.test(prev) && from >= 2 && /[.!?]["'”’)\]]?$/.test(text.slice(Math.max(0, from - 3), from - 1))) break;
    from--;
  }
  while (from < start && /\s/.test(text[from]!)) from++;
  let to = Math.max(from, Math.min(end, text.length));
  while (to < text.length) {
    const ch = text[to]!;
    if (ch === '\n') break;
    to++;
    if (/[.!?]/.test(ch) && (to >= text.length || /[\s"'”’)\]]/.test(text[to]!))) {
      while (to < text.length && /["'”’)\]]/.test(text[to]!)) to++;
      break;
    }
  }
  return { start: from, end: to };
}

/**
 * Cuts `text` into segments: the spans of `evidence` marked `span`, the rest of their sentences `sentence`,
 * everything else `plain`. Overlapping spans merge; spans outside the text are clipped.
 */
export function segmentText(text: string, evidence: readonly Pick<Evidence, 'start' | 'end'>[]): Segment[] {
  const marks = new Uint8Array(text.length); // 0 plain, 1 sentence, 2 span
  for (const e of evidence) {
    const start = Math.max(0, Math.min(e.start, text.length));
    const end = Math.max(start, Math.min(e.end, text.length));
    const sentence = sentenceAround(text, start, end);
    for (let i = sentence.start; i < sentence.end; i++) marks[i] = Math.max(marks[i]!, 1);
    for (let i = start; i < end; i++) marks[i] = 2;
  }
  const names: SegmentMark[] = ['plain', 'sentence', 'span'];
  const segments: Segment[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[from]) {
      segments.push({ text: text.slice(from, i), mark: names[marks[from] ?? 0]!, start: from });
      from = i;
    }
  }
  return segments;
}

/** Evidence grouped by document, documents in first-seen order, spans sorted. */
export function evidenceByDocument(evidence: readonly Evidence[]): Map<string, Evidence[]> {
  const byDoc = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const list = byDoc.get(e.doc) ?? [];
    if (!list.some((x) => x.start === e.start && x.end === e.end)) list.push(e);
    byDoc.set(e.doc, list);
  }
  for (const list of byDoc.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return byDoc;
}
