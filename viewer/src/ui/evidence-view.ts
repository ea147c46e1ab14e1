/**
 * The evidence view: the article's title and date, then its text with the evidence span marked inside its
 * sentence and scrolled into view. Text nodes only; the article is never parsed as markup.
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

/** Shows `evidence` in `container`: a tab per document when it spans several, the first one open. */
export function showEvidence(container: HTMLElement, heading: string, evidence: readonly Evidence[], documents: ReadonlyMap<string, DocumentText>): void {
  clear(container);
  container.hidden = false;
  const byDoc = evidenceByDocument(evidence);
  const close = el('button', { className: 'icon-button', text: '×', title: 'Close the evidence', attrs: { 'aria-label': 'Close the evidence' }, on: { click: () => { container.hidden = true; clear(container); } } });
  container.append(el('div', { className: 'evidence-head' }, [el('h3', { text: heading }), close]));
  if (!byDoc.size) {
    container.append(el('p', { className: 'muted', text: 'No evidence recorded for this.' }));
    return;
  }
  const body = el('div', { className: 'evidence-body' });
  const docIds = [...byDoc.keys()];
  const open = (docId: string) => {
    for (const tab of tabs.querySelectorAll('button')) tab.setAttribute('aria-selected', String(tab.dataset.doc === docId));
    renderDocument(body, docId, byDoc.get(docId) ?? [], documents.get(docId));
  };
  const tabs = el('div', { className: 'evidence-tabs', attrs: { role: 'tablist' } },
    docIds.length > 1 ? docIds.map((id) => el('button', { text: documents.get(id)?.title || id, dataset: { doc: id }, attrs: { role: 'tab' }, on: { click: () => open(id) } })) : []);
  container.append(tabs, body);
  open(docIds[0]!);
}

function renderDocument(body: HTMLElement, docId: string, spans: Evidence[], doc: DocumentText | undefined): void {
  clear(body);
  if (!doc) {
    body.append(el('p', { className: 'muted', text: `Document "${docId}" is not in this graph file (GEXF files do not carry the article texts).` }));
    return;
  }
  const meta = [doc.date, doc.source].filter(Boolean).join(' · ');
  append(body, [el('div', { className: 'doc-title', text: doc.title || doc.id }), meta ? el('div', { className: 'doc-meta', text: meta }) : null]);
  const text = el('div', { className: 'doc-text', attrs: { tabindex: '0' } });
  let first: HTMLElement | null = null;
  for (const segment of segmentText(doc.text, spans)) {
    if (segment.mark === 'plain') {
      text.append(document.createTextNode(segment.text));
      continue;
    }
    const mark = el(segment.mark === 'span' ? 'mark' : 'span', { className: segment.mark === 'span' ? 'evidence-span' : 'evidence-sentence', text: segment.text });
    if (segment.mark === 'span') first ??= mark;
    text.append(mark);
  }
  body.append(text);
  const target = first as HTMLElement | null;
  if (target) requestAnimationFrame(() => {
    text.scrollTop = Math.max(0, target.offsetTop - text.clientHeight / 3);
  });
}
