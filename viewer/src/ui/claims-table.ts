/**
 * The claims list beside the graph: every attribution as a row (speaker, stance, claim, source article),
 * sortable by column and filterable by text and stance. A row selects its claim in the graph; a node
 * selected in the graph marks its rows.
 */
import type { ClaimRow } from '../model/claims';
import { normalizeName } from '../../../src/query/normalize';
import { clear, el } from './dom';
import { stanceChip } from './panel';

type Column = 'speaker' | 'stance' | 'claim' | 'source';

const COLUMNS: { id: Column; title: string; value: (r: ClaimRow) => string }[] = [
  { id: 'speaker', title: 'Speaker', value: (r) => r.speakerLabel },
  { id: 'stance', title: 'Stance', value: (r) => r.stance ?? '' },
  { id: 'claim', title: 'Claim', value: (r) => r.claimText },
  { id: 'source', title: 'Source', value: (r) => `${r.date} ${r.docTitle}` },
];

/** Rows drawn at once; a filter narrows the rest (a big graph has tens of thousands). */
const MAX_ROWS = 400;

export class ClaimsTable {
  private rows: ClaimRow[] = [];
  private source: () => ClaimRow[] = () => [];
  private sort: { column: Column; descending: boolean } = { column: 'source', descending: false };
  private textFilter = '';
  private stanceFilter = '';
  private marked: string | null = null;
  /** rows are drawn when the list is first shown, not at page load */
  private shown = false;
  private stale = true;
  private readonly filterInput: HTMLInputElement;
  private readonly stanceSelect: HTMLSelectElement;
  private readonly count: HTMLElement;
  private readonly head: HTMLTableRowElement;
  private readonly body: HTMLTableSectionElement;

  constructor(
    container: HTMLElement,
    private readonly onChoose: (row: ClaimRow) => void,
    /** a row under the pointer, or null when it leaves: the graph shows that claim's neighbourhood */
    private readonly onHover: (row: ClaimRow | null) => void = () => {},
  ) {
    this.filterInput = el('input', { className: 'claims-filter', attrs: { type: 'search', placeholder: 'Filter claims, speakers, sources…', 'aria-label': 'Filter the claims' }, on: { input: () => { this.textFilter = this.filterInput.value; this.render(); } } });
    this.stanceSelect = el('select', { attrs: { 'aria-label': 'Stance' }, on: { change: () => { this.stanceFilter = this.stanceSelect.value; this.render(); } } },
      ['', 'stated', 'denied', 'questioned', 'confirmed', 'reported'].map((s) => el('option', { text: s || 'every stance', attrs: { value: s } })));
    this.count = el('span', { className: 'muted claims-count' });
    this.head = el('tr');
    this.body = el('tbody');
    clear(container);
    container.append(
      el('div', { className: 'claims-toolbar' }, [this.filterInput, this.stanceSelect, this.count]),
      el('div', { className: 'claims-scroll' }, [el('table', { className: 'claims-table' }, [el('thead', {}, [this.head]), this.body])]),
    );
  }

  /** The rows' source, read when the list is first shown (a large graph has tens of thousands). */
  setRows(source: () => ClaimRow[]): void {
    this.source = source;
    this.rows = [];
    this.stale = true;
    if (this.shown) this.render();
  }

  /** Called when the list becomes visible or hidden; the first showing draws the rows. */
  setShown(shown: boolean): void {
    this.shown = shown;
    if (shown && this.stale) this.render();
  }

  /** Marks the rows of `node` (a claim's attributions, or an entity's claims) and scrolls to the first. */
  mark(node: string | null): void {
    this.marked = node;
    if (this.stale) return;
    let first: HTMLElement | null = null;
    for (const tr of this.body.querySelectorAll<HTMLElement>('tr[data-claim]')) {
      const on = node !== null && (tr.dataset.claim === node || tr.dataset.speaker === node);
      tr.classList.toggle('linked', on);
      if (on) first ??= tr;
    }
    first?.scrollIntoView({ block: 'nearest' });
  }

  visibleRows(): ClaimRow[] {
    const q = normalizeName(this.textFilter);
    const filtered = this.rows.filter((r) => (!this.stanceFilter || (r.stance ?? '') === this.stanceFilter) && (!q || normalizeName(`${r.speakerLabel} ${r.claimText} ${r.docTitle} ${r.date}`).includes(q)));
    const column = COLUMNS.find((c) => c.id === this.sort.column)!;
    const sign = this.sort.descending ? -1 : 1;
    return filtered.sort((a, b) => sign * column.value(a).localeCompare(column.value(b)) || a.key.localeCompare(b.key));
  }

  private renderHead(): void {
    clear(this.head);
    for (const column of COLUMNS) {
      const active = this.sort.column === column.id;
      const button = el('button', { className: 'sort', text: `${column.title}${active ? (this.sort.descending ? ' ▼' : ' ▲') : ''}`, on: { click: () => {
        this.sort = { column: column.id, descending: active ? !this.sort.descending : false };
        this.render();
      } } });
      this.head.append(el('th', { attrs: { 'aria-sort': active ? (this.sort.descending ? 'descending' : 'ascending') : 'none', scope: 'col' }, dataset: { column: column.id } }, [button]));
    }
  }

  private render(): void {
    if (this.stale) this.rows = this.source();
    this.stale = false;
    this.renderHead();
    clear(this.body);
    const rows = this.visibleRows();
    for (const row of rows.slice(0, MAX_ROWS)) {
      const tr = el('tr', { dataset: { claim: row.claim, speaker: row.speaker ?? '', key: row.key }, attrs: { tabindex: '0' }, on: {
        click: () => this.onChoose(row),
        mouseenter: () => this.onHover(row),
        mouseleave: () => this.onHover(null),
        keydown: (e) => { if (e.key === 'Enter') this.onChoose(row); },
      } }, [
        el('td', { text: row.speakerLabel || '—' }),
        el('td', {}, [row.stance ? stanceChip(row.stance) : el('span', { className: 'muted', text: 'unattributed' })]),
        el('td', { className: 'claim-cell', text: row.claimText }),
        el('td', { className: 'source-cell' }, [el('span', { text: row.docTitle }), row.date ? el('span', { className: 'muted', text: row.date }) : null]),
      ]);
      this.body.append(tr);
    }
    this.count.textContent = rows.length > MAX_ROWS ? `${MAX_ROWS} of ${rows.length} rows shown; filter to narrow` : `${rows.length} of ${this.rows.length} rows`;
    this.mark(this.marked);
  }
}
