/**
 * The Disputes view under the graph: one row per pair of speakers on opposite sides (model/disputes.ts), each
 * side its speaker, stance, claim, date and article, filterable by text. Choosing a row selects the dispute:
 * the graph lights up its speakers, claims and edges, the panel shows its sides and the evidence opens. Text
 * only, through dom.ts.
 */
import { normalizeName } from '../../../src/query/normalize';
import { reasonText, type Dispute, type DisputeSide } from '../model/disputes';
import { clear, el } from './dom';
import { stanceChip } from './panel';

/** Rows drawn at once; the filter narrows the rest. */
const MAX_ROWS = 400;

/** A reason in a word or two, under "vs" (the row's title has it whole). */
const REASON_WORDS: Record<string, string> = { 'opposite-stance': 'one claim', negation: 'negation', rejection: 'rejection' };

function sideCell(side: DisputeSide, which: 'a' | 'b'): HTMLElement {
  const doc = side.docTitle || 'no article';
  return el('span', { className: `dispute-side dispute-side-${which}` }, [
    el('span', { className: 'dispute-who' }, [el('span', { className: 'dispute-speaker', text: side.speakerLabel }), stanceChip(side.stance), el('span', { className: 'dispute-date', text: side.date ?? 'no date' })]),
    el('span', { className: 'dispute-claim', text: `“${side.claimText}”` }),
    el('span', { className: 'dispute-doc', title: doc, text: doc }),
  ]);
}

export class DisputesList {
  private disputes: readonly Dispute[] = [];
  /** how many the graph holds, hidden articles included */
  private total = 0;
  private textFilter = '';
  private selected: string | null = null;
  private shown = false;
  private stale = true;
  private readonly filterInput: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;

  constructor(container: HTMLElement, private readonly onChoose: (dispute: Dispute) => void) {
    this.filterInput = el('input', { className: 'claims-filter', attrs: { type: 'search', placeholder: 'Filter disputes by speaker, claim, article…', 'aria-label': 'Filter the disputes' }, on: { input: () => { this.textFilter = this.filterInput.value; this.render(); } } });
    this.count = el('span', { className: 'muted claims-count' });
    this.list = el('ul', { className: 'dispute-list', attrs: { 'aria-label': 'Disputes' } });
    clear(container);
    container.append(
      el('div', { className: 'claims-toolbar' }, [el('h2', { className: 'view-title', text: 'Disputes' }), this.filterInput, this.count]),
      el('div', { className: 'claims-scroll' }, [this.list]),
    );
  }

  /** The disputes that show (articles hidden leave some out) and how many the graph holds. */
  setDisputes(disputes: readonly Dispute[], total: number): void {
    this.disputes = disputes;
    this.total = total;
    this.stale = true;
    if (this.shown) this.render();
  }

  setShown(shown: boolean): void {
    this.shown = shown;
    if (shown && this.stale) this.render();
  }

  /** Marks the selected dispute's row (null: none) and scrolls it into view. */
  select(key: string | null): void {
    this.selected = key;
    if (this.stale) return;
    let row: HTMLElement | null = null;
    for (const button of this.list.querySelectorAll<HTMLElement>('button[data-dispute]')) {
      const on = button.dataset.dispute === key;
      button.classList.toggle('active', on);
      button.setAttribute('aria-pressed', String(on));
      if (on) row = button;
    }
    row?.scrollIntoView({ block: 'nearest' });
  }

  visibleDisputes(): Dispute[] {
    const q = normalizeName(this.textFilter);
    if (!q) return [...this.disputes];
    const text = (s: DisputeSide) => `${s.speakerLabel} ${s.stance} ${s.claimText} ${s.docTitle} ${s.date ?? ''}`;
    return this.disputes.filter((d) => normalizeName(`${text(d.a)} ${text(d.b)} ${reasonText(d.reason)}`).includes(q));
  }

  private render(): void {
    this.stale = false;
    clear(this.list);
    const rows = this.visibleDisputes();
    if (!this.total) this.list.append(el('li', { className: 'muted dispute-empty', text: 'No disputes in this graph: no two speakers take opposite sides of a claim.' }));
    else if (!rows.length) this.list.append(el('li', { className: 'muted dispute-empty', text: this.disputes.length ? 'No dispute matches the filter.' : 'Every dispute lies in hidden articles or outside the date range.' }));
    for (const d of rows.slice(0, MAX_ROWS)) {
      const reason = reasonText(d.reason);
      const vs = el('span', { className: 'dispute-vs' }, [el('span', { text: 'vs' }), el('span', { className: 'dispute-reason', text: REASON_WORDS[d.reason] ?? reason })]);
      const button = el('button', { className: 'dispute-row', title: `${reason[0]!.toUpperCase()}${reason.slice(1)}: show this dispute in the graph and open both sides in their articles`, dataset: { dispute: d.key, reason: d.reason }, attrs: { 'aria-pressed': 'false' }, on: { click: () => this.onChoose(d) } }, [
        sideCell(d.a, 'a'), vs, sideCell(d.b, 'b'),
      ]);
      this.list.append(el('li', {}, [button]));
    }
    const hidden = this.total - this.disputes.length;
    const shown = rows.length > MAX_ROWS ? `${MAX_ROWS} of ${rows.length} shown; filter to narrow` : `${rows.length} of ${this.disputes.length}`;
    this.count.textContent = `${shown} dispute${this.disputes.length === 1 ? '' : 's'}${hidden ? ` (${hidden} more in hidden articles)` : ''}`;
    this.select(this.selected);
  }
}
