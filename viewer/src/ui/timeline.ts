/**
 * The timeline strip under the graph: the claims by their article's day, one column a day (oldest first, undated
 * last), each claim a button that opens its evidence; and the date-range control that filters the whole graph.
 */
import type { ClaimRow } from '../model/claims';
import type { TimelineDay, TimelineEntry } from '../model/timeline';
import { edgeColor } from '../model/filters';
import { clear, el } from './dom';

export interface TimelineHandlers {
  choose(row: ClaimRow): void;
  /** a new range; null for an open end */
  range(since: string | null, until: string | null): void;
}

export interface TimelineRange {
  since: string | null;
  until: string | null;
  /** first and last day of the articles, or null when none is dated */
  bounds: { min: string; max: string } | null;
}

/** A date input of the range control; an emptied or half-typed field is an open end. */
function dateInput(name: 'since' | 'until', value: string | null, bounds: TimelineRange['bounds'], onChange: (value: string | null) => void): HTMLInputElement {
  const input = el('input', { attrs: { type: 'date', 'aria-label': name === 'since' ? 'Show articles from' : 'Show articles until' }, dataset: { range: name } });
  if (bounds) {
    input.min = bounds.min;
    input.max = bounds.max;
  }
  input.value = value ?? '';
  input.addEventListener('change', () => onChange(input.value || null));
  return input;
}

function claimButton({ row, docId }: TimelineEntry, titles: ReadonlyMap<string, string>, handlers: TimelineHandlers): HTMLElement {
  const who = row.speaker ? `${row.speakerLabel} ${row.stance ?? ''}` : 'unattributed';
  const swatch = el('span', { className: 'swatch line', attrs: { 'aria-hidden': 'true' } });
  swatch.style.setProperty('--swatch', row.stance ? edgeColor(row.stance) : '#999');
  return el('button', { className: 'timeline-claim', title: `${who}: “${row.claimText}” (${titles.get(docId) ?? docId})`, dataset: { row: row.key }, on: { click: () => handlers.choose(row) } }, [
    swatch,
    el('span', { className: 'timeline-who', text: who }),
    el('span', { className: 'timeline-text', text: row.claimText }),
  ]);
}

/** `titles`: article id → title, for each claim's tooltip. */
export function renderTimeline(container: HTMLElement, days: readonly TimelineDay[], titles: ReadonlyMap<string, string>, range: TimelineRange, handlers: TimelineHandlers): void {
  clear(container);
  const since = dateInput('since', range.since, range.bounds, (v) => handlers.range(v, range.until));
  const until = dateInput('until', range.until, range.bounds, (v) => handlers.range(range.since, v));
  const reset = el('button', { text: 'All dates', title: 'Show every article again, dated or not', on: { click: () => handlers.range(null, null) } });
  reset.disabled = range.since === null && range.until === null;
  const count = new Set(days.flatMap((d) => d.entries.map((e) => e.row.key))).size;
  container.append(el('div', { className: 'timeline-head' }, [
    el('h2', { text: 'Timeline' }),
    el('span', { className: 'muted', text: `${count} claim${count === 1 ? '' : 's'}` }),
    el('label', { className: 'timeline-range' }, ['From ', since]),
    el('label', { className: 'timeline-range' }, ['to ', until]),
    reset,
  ]));
  const strip = el('div', { className: 'timeline-strip' });
  if (!days.length) strip.append(el('p', { className: 'muted timeline-empty', text: 'No claims in the articles shown.' }));
  for (const day of days) {
    strip.append(el('section', { className: 'timeline-day', dataset: { day: day.day ?? 'undated' } }, [
      el('h3', { text: day.day ?? 'no date' }),
      ...day.entries.map((entry) => claimButton(entry, titles, handlers)),
    ]));
  }
  container.append(strip);
}
