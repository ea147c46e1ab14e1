/**
 * The legend, which is also the filter: one checkbox per node kind and edge kind with its color and count,
 * a toggle for all relations at once, and one for nodes with no edge. Unchecking a kind hides it.
 */
import type { Legend, LegendEntry } from '../model/filters';
import { clear, el } from './dom';

export interface LegendHandlers {
  toggleNodeKind(kind: string, visible: boolean): void;
  toggleEdgeKinds(kinds: string[], visible: boolean): void;
  toggleIsolated(visible: boolean): void;
}

/** Nodes with no edge: how many, and whether they show. */
export interface IsolatedNodes {
  count: number;
  shown: boolean;
}

const GROUP_TITLES = { stances: 'Stances', reporting: 'Outlets and subjects', relations: 'Relations' } as const;

function row(entry: LegendEntry, hidden: boolean, shape: 'dot' | 'square' | 'line', onChange: (visible: boolean) => void): HTMLElement {
  const input = el('input', { attrs: { type: 'checkbox' }, dataset: { kind: entry.kind }, on: { change: () => onChange(input.checked) } });
  input.checked = !hidden;
  const swatch = el('span', { className: `swatch ${shape}`, attrs: { 'aria-hidden': 'true' } });
  swatch.style.setProperty('--swatch', entry.color);
  return el('label', { className: 'legend-row' }, [input, swatch, el('span', { className: 'legend-kind', text: entry.kind.replace('_', ' ') }), el('span', { className: 'legend-count', text: String(entry.count) })]);
}

function isolatedRow(isolated: IsolatedNodes, onChange: (visible: boolean) => void): HTMLElement {
  const input = el('input', { attrs: { type: 'checkbox' }, dataset: { isolated: 'true' }, on: { change: () => onChange(input.checked) } });
  input.checked = isolated.shown;
  return el('label', { className: 'legend-row legend-isolated', title: 'Nodes with no claim and no relation; the layout packs them under the graph' }, [
    input, el('span', { className: 'swatch ring', attrs: { 'aria-hidden': 'true' } }), el('span', { className: 'legend-kind', text: 'unconnected' }), el('span', { className: 'legend-count', text: String(isolated.count) }),
  ]);
}

export function renderLegend(container: HTMLElement, legend: Legend, hiddenNodeKinds: ReadonlySet<string>, hiddenEdgeKinds: ReadonlySet<string>, isolated: IsolatedNodes, handlers: LegendHandlers): void {
  clear(container);
  container.append(el('h2', { text: 'Nodes' }));
  for (const entry of legend.nodes) container.append(row(entry, hiddenNodeKinds.has(entry.kind), entry.kind === 'claim' ? 'square' : 'dot', (v) => handlers.toggleNodeKind(entry.kind, v)));
  if (isolated.count) container.append(isolatedRow(isolated, handlers.toggleIsolated));
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
