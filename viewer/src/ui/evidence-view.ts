/**
 * The evidence view: the article's title and date, then its text with the evidence span marked inside its
 * sentence and scrolled into view (the focus span when one is given: a claim's own words rather than the
 * cue before it). Text nodes only; the article is never parsed as markup.
 */
import type { Evidence } from '../../../src/graph/schema';
import { evidenceByDocument, segmentText } from '../model/evidence';
import { append, clear, el } from './dom';

export interface DocumentText {
  id: string;
  title: string;
  date?: string;
  source?: string;
  text: string;
}

export interface EvidenceExtras {
  /** the spans to open at (a claim's own words rather than the cue before it) */
  focus?: readonly Evidence[];
  /** a line under the heading: what the edge says of itself ("confidence 0.93 · direct quote") */
  note?: string;
}

/**
 * Shows `evidence` in `container`: a tab per document when it spans several, the first document of `focus`
 * open (else the first one), scrolled to the first span that overlaps `focus` (else the first span).
 */
export function showEvidence(container: HTMLElement, heading: string, evidence: readonly Evidence[], documents: ReadonlyMap<string, DocumentText>, extras: EvidenceExtras = {}): void {
  const focus = extras.focus ?? [];
  clear(container);
  container.hidden = false;
  const byDoc = evidenceByDocument(evidence);
  const close = el('button', { className: 'icon-button', text: '×', title: 'Close the evidence', attrs: { 'aria-label': 'Close the evidence' }, on: { click: () => { container.hidden = true; clear(container); } } });
  container.append(el('div', { className: 'evidence-head' }, [el('h3', { text: heading }), close]));
  if (extras.note) container.append(el('p', { className: 'evidence-note', text: extras.note }));
  if (!byDoc.size) {
    container.append(el('p', { className: 'muted', text: 'No evidence recorded for this.' }));
    return;
  }
  const body = el('div', { className: 'evidence-body' });
  const docIds = [...byDoc.keys()];
  const open = (docId: string) => {
    for (const tab of tabs.querySelectorAll('button')) tab.setAttribute('aria-selected', String(tab.dataset.doc === docId));
    renderDocument(body, docId, byDoc.get(docId) ?? [], documents.get(docId), focus.filter((f) => f.doc === docId));
  };
  const tabs = el('div', { className: 'evidence-tabs', attrs: { role: 'tablist' } },
    docIds.length > 1 ? docIds.map((id) => el('button', { text: documents.get(id)?.title || id, dataset: { doc: id }, attrs: { role: 'tab' }, on: { click: () => open(id) } })) : []);
  container.append(tabs, body);
  open(docIds.find((id) => focus.some((f) => f.doc === id)) ?? docIds[0]!);
}

/**
 * Evidence into a document the file does not hold (GEXF has no place for article texts): where it points, as
 * character offsets, which `claimgraph query` and the graph.json beside the file can resolve.
 */
function textlessEvidence(body: HTMLElement, docId: string, spans: readonly Evidence[], focus: readonly Evidence[]): void {
  const inFocus = (e: Evidence) => focus.some((f) => e.start < f.end && f.start < e.end);
  body.append(
    el('p', { className: 'muted', text: `The text of “${docId}” is not in this file (GEXF files do not carry article texts). The evidence is at these characters:` }),
    el('ul', { className: 'evidence-offsets' }, spans.map((e) =>
      el('li', { className: inFocus(e) ? 'evidence-offset evidence-focus' : 'evidence-offset', text: `${docId}: characters ${e.start}–${e.end}` }))),
  );
}

function renderDocument(body: HTMLElement, docId: string, spans: Evidence[], doc: DocumentText | undefined, focus: readonly Evidence[]): void {
  clear(body);
  if (!doc) {
    textlessEvidence(body, docId, spans, focus);
    return;
  }
  const meta = [doc.date, doc.source].filter(Boolean).join(' · ');
  append(body, [el('div', { className: 'doc-title', text: doc.title || doc.id }), meta ? el('div', { className: 'doc-meta', text: meta }) : null]);
  const text = el('div', { className: 'doc-text', attrs: { tabindex: '0' } });
  let first: HTMLElement | null = null;
  let focused: HTMLElement | null = null;
  const inFocus = (start: number, end: number) => focus.some((f) => start < f.end && f.start < end);
  for (const segment of segmentText(doc.text, spans)) {
    if (segment.mark === 'plain') {
      text.append(document.createTextNode(segment.text));
      continue;
    }
    const mark = el(segment.mark === 'span' ? 'mark' : 'span', { className: segment.mark === 'span' ? 'evidence-span' : 'evidence-sentence', text: segment.text });
    if (segment.mark === 'span') {
      first ??= mark;
      if (inFocus(segment.start, segment.start + segment.text.length)) {
        mark.classList.add('evidence-focus');
        focused ??= mark;
      }
    }
    text.append(mark);
  }
  body.append(text);
  const target = (focused ?? first) as HTMLElement | null;
  if (target) requestAnimationFrame(() => {
    text.scrollTop = Math.max(0, target.offsetTop - text.clientHeight / 3);
  });
}
