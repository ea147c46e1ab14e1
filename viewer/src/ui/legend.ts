/**
 * The legend, which is also the filter: one checkbox per node kind and edge kind with its color and count,
 * a toggle for all relations at once, and one for stray nodes (alone or in pairs). Unchecking a kind hides it.
 */
import type { Legend, LegendEntry } from '../model/filters';
import { clear, el } from './dom';

export interface LegendHandlers {
  toggleNodeKind(kind: string, visible: boolean): void;
  toggleEdgeKinds(kinds: string[], visible: boolean): void;
  toggleStray(visible: boolean): void;
}

/** Stray nodes: how many, and whether they show. */
export interface StrayNodes {
  count: number;
  shown: boolean;
}

const GROUP_TITLES = { stances: 'Stances', reporting: 'Outlets and subjects', relations: 'Relations', disputes: 'Disputes' } as const;

function row(entry: LegendEntry, hidden: boolean, shape: 'dot' | 'square' | 'line', onChange: (visible: boolean) => void): HTMLElement {
  const input = el('input', { attrs: { type: 'checkbox' }, dataset: { kind: entry.kind }, on: { change: () => onChange(input.checked) } });
  input.checked = !hidden;
  const swatch = el('span', { className: `swatch ${shape}`, attrs: { 'aria-hidden': 'true' } });
  swatch.style.setProperty('--swatch', entry.color);
  return el('label', { className: 'legend-row' }, [input, swatch, el('span', { className: 'legend-kind', text: entry.kind.replace('_', ' ') }), el('span', { className: 'legend-count', text: String(entry.count) })]);
}

function strayRow(stray: StrayNodes, onChange: (visible: boolean) => void): HTMLElement {
  const input = el('input', { attrs: { type: 'checkbox' }, dataset: { stray: 'true' }, on: { change: () => onChange(input.checked) } });
  input.checked = stray.shown;
  return el('label', { className: 'legend-row legend-stray', title: 'Nodes alone, or in a pair that touches nothing else (a speaker and one claim); the layout packs them in rows under the graph. Search and the claims list still find them.' }, [
    input, el('span', { className: 'swatch ring', attrs: { 'aria-hidden': 'true' } }), el('span', { className: 'legend-kind', text: 'stray nodes' }), el('span', { className: 'legend-count', text: String(stray.count) }),
  ]);
}

export function renderLegend(container: HTMLElement, legend: Legend, hiddenNodeKinds: ReadonlySet<string>, hiddenEdgeKinds: ReadonlySet<string>, stray: StrayNodes, handlers: LegendHandlers): void {
  clear(container);
  container.append(el('h2', { text: 'Nodes' }));
  for (const entry of legend.nodes) container.append(row(entry, hiddenNodeKinds.has(entry.kind), entry.kind === 'claim' ? 'square' : 'dot', (v) => handlers.toggleNodeKind(entry.kind, v)));
  if (stray.count) container.append(strayRow(stray, handlers.toggleStray));
  container.append(el('h2', { text: 'Edges' }));
  for (const group of legend.edges) {
    const kinds = group.entries.map((e) => e.kind);
    const heading = el('h3', { className: 'legend-group' });
    if (group.group === 'relations') {
      const all = el('input', { attrs: { type: 'checkbox', 'aria-label': 'Show all relations' }, dataset: { group: 'relations' }, on: { change: () => handlers.toggleEdgeKinds(kinds, all.checked) } });
      all.checked = kinds.some((k) => !hiddenEdgeKinds.has(k));
      heading.append(el('label', {}, [all, ` ${GROUP_TITLES[group.group]}`]));
    } else heading.textContent = GROUP_TITLES[group.group];
    container.append(heading);
    for (const entry of group.entries) container.append(row(entry, hiddenEdgeKinds.has(entry.kind), 'line', (v) => handlers.toggleEdgeKinds([entry.kind], v)));
  }
}
