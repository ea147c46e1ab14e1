/**
 * The viewer application: one graph at a time, with its renderer, legend, search, side panel, claims list,
 * layout and export controls, and the view state mirrored in the URL. Opening another graph rebuilds it all.
 */
import type Sigma from 'sigma';
import type { ClaimGraph } from '../../src/graph/load';
import type { Evidence } from '../../src/graph/schema';
import { claimRows, documentIndex, type ClaimRow } from './model/claims';
import { buildLegend } from './model/filters';
import { buildSearchIndex } from './model/search';
import { printViewState, type ViewState } from './model/url-state';
import { createRenderer, neighbourhood, type FocusState } from './graph-view/renderer';
import { LayoutControls } from './graph-view/layout';
import { exportGexf, exportJson, exportPng } from './graph-view/export';
import { renderLegend } from './ui/legend';
import { renderPanel } from './ui/panel';
import { showEvidence, type DocumentText } from './ui/evidence-view';
import { SearchBox } from './ui/search-box';
import { ClaimsTable } from './ui/claims-table';
import { Tooltip } from './ui/tooltip';
import { byId } from './ui/dom';

export interface AppElements {
  graph: HTMLElement;
  legend: HTMLElement;
  panel: HTMLElement;
  evidence: HTMLElement;
  claims: HTMLElement;
  search: HTMLInputElement;
  suggestions: HTMLElement;
  tooltip: HTMLElement;
}

export class App {
  graph: ClaimGraph | null = null;
  sigma: Sigma | null = null;
  private layout: LayoutControls | null = null;
  private documents = new Map<string, DocumentText>();
  private graphUrl: string | null = null;
  private readonly focus: FocusState = { hovered: null, selected: null, marked: new Set(), visibility: { hiddenNodeKinds: new Set(), hiddenEdgeKinds: new Set() } };
  private searchText = '';
  private view: ViewState['view'] = 'graph';
  private readonly searchBox: SearchBox;
  private readonly table: ClaimsTable;
  private readonly tooltip: Tooltip;

  constructor(private readonly ui: AppElements) {
    this.searchBox = new SearchBox(ui.search, ui.suggestions, (node) => this.select(node, { camera: true }), (q) => { this.searchText = q; this.syncUrl(); });
    this.tooltip = new Tooltip(ui.tooltip);
    this.table = new ClaimsTable(ui.claims, (row) => this.chooseRow(row), (row) => {
      this.focus.hovered = row?.claim ?? null;
      this.sigma?.refresh({ skipIndexation: true });
    });
  }

  private get hiddenNodeKinds(): Set<string> { return this.focus.visibility.hiddenNodeKinds as Set<string>; }
  private get hiddenEdgeKinds(): Set<string> { return this.focus.visibility.hiddenEdgeKinds as Set<string>; }

  /** Shows `graph`, restoring the given state (filters, selection, search, tab) where it applies. */
  open(graph: ClaimGraph, graphUrl: string | null, state: ViewState): void {
    this.close();
    this.graph = graph;
    this.graphUrl = graphUrl;
    this.documents = documentIndex(graph);
    this.hiddenNodeKinds.clear();
    this.hiddenEdgeKinds.clear();
    for (const k of state.hiddenNodeKinds) this.hiddenNodeKinds.add(k);
    for (const k of state.hiddenEdgeKinds) this.hiddenEdgeKinds.add(k);
    this.searchText = state.search;
    this.ui.search.value = state.search;
    this.searchBox.setIndex(buildSearchIndex(graph));
    // the selection is known before the renderer draws its first frame, so that frame is already right
    const selected = state.node && graph.hasNode(state.node) ? state.node : null;
    this.focus.selected = selected;
    this.focus.marked = selected === null ? new Set() : new Set([selected]);
    this.sigma = createRenderer(graph, this.ui.graph, () => this.focus);
    this.layout = new LayoutControls(graph, this.sigma);
    this.sigma.on('enterNode', ({ node, event }) => {
      this.focus.hovered = node;
      this.ui.graph.style.cursor = 'pointer';
      this.tooltip.show(graph, node, event.x, event.y);
      this.sigma?.refresh({ skipIndexation: true });
    });
    this.sigma.on('leaveNode', () => {
      this.focus.hovered = null;
      this.ui.graph.style.cursor = '';
      this.tooltip.hide();
      this.sigma?.refresh({ skipIndexation: true });
    });
    this.sigma.on('clickNode', ({ node }) => this.select(node, { camera: false }));
    this.sigma.on('clickStage', () => this.select(null, { camera: false }));
    this.table.setRows(() => claimRows(graph));
    this.renderLegend();
    this.setView(state.view);
    this.select(selected, { camera: true, instant: true, redraw: false });
  }

  close(): void {
    this.tooltip.hide();
    this.layout?.kill();
    this.sigma?.kill();
    this.layout = null;
    this.sigma = null;
    this.graph = null;
    this.focus.hovered = null;
    this.focus.selected = null;
    this.focus.marked = new Set();
  }

  /** Selects a node (null clears): panel, highlighted rows, URL; optionally moves the camera to it. */
  select(node: string | null, options: { camera: boolean; instant?: boolean; redraw?: boolean }): void {
    const graph = this.graph;
    if (!graph) return;
    this.focus.selected = node;
    this.focus.marked = node === null ? new Set() : new Set([node]);
    this.ui.evidence.hidden = true;
    renderPanel(this.ui.panel, graph, node, this.documents, {
      select: (next) => this.select(next, { camera: true }),
      evidence: (heading, evidence, key) => this.showEvidence(heading, evidence, key),
    });
    this.table.mark(node);
    if (node !== null && options.camera) this.moveCameraTo(node, options.instant ?? false);
    if (options.redraw ?? true) this.sigma?.refresh({ skipIndexation: true });
    this.syncUrl();
  }

  /** Centres the camera on `node` and zooms so that its whole neighbourhood is in view. */
  private moveCameraTo(node: string, instant: boolean): void {
    const sigma = this.sigma;
    if (!sigma || !this.graph) return;
    const points = [...neighbourhood(this.graph, node)].map((n) => sigma.getNodeDisplayData(n)).filter((d) => d !== undefined);
    if (!points.length) return;
    // camera coordinates are Sigma's framed graph space, where ratio 1 shows the whole graph; labels run to
    // the right of their node, so the box gets a margin on that side
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs) + 0.12, Math.min(...ys), Math.max(...ys)];
    const reach = Math.max(0.04, (maxX - minX) / 2, (maxY - minY) / 2);
    const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.min(1, Math.max(0.08, reach * 2.4)) };
    const camera = sigma.getCamera();
    if (instant) camera.setState(target);
    else void camera.animate(target, { duration: 450 });
  }

  private showEvidence(heading: string, evidence: Evidence[], key: string): void {
    // the evidence's edge stands out in the graph: both its ends are marked
    const graph = this.graph;
    if (graph?.hasEdge(key)) {
      this.focus.marked = new Set([...(this.focus.selected === null ? [] : [this.focus.selected]), ...graph.extremities(key)]);
      this.sigma?.refresh({ skipIndexation: true });
    }
    for (const item of this.ui.panel.querySelectorAll<HTMLElement>('[data-item]')) item.classList.toggle('active', item.dataset.item === key);
    showEvidence(this.ui.evidence, heading, evidence, this.documents);
    this.ui.evidence.scrollIntoView({ block: 'nearest' });
  }

  /** A row of the claims list: select its claim in the graph and open the row's evidence. */
  private chooseRow(row: ClaimRow): void {
    this.select(row.claim, { camera: true });
    const heading = row.speaker ? `${row.speakerLabel} ${row.stance ?? ''}: “${row.claimText}”` : `“${row.claimText}”`;
    this.showEvidence(heading, row.evidence, row.key);
  }

  private renderLegend(): void {
    if (!this.graph) return;
    renderLegend(this.ui.legend, buildLegend(this.graph), this.hiddenNodeKinds, this.hiddenEdgeKinds, {
      toggleNodeKind: (kind, visible) => {
        if (visible) this.hiddenNodeKinds.delete(kind);
        else this.hiddenNodeKinds.add(kind);
        this.filtersChanged();
      },
      toggleEdgeKinds: (kinds, visible) => {
        for (const kind of kinds) {
          if (visible) this.hiddenEdgeKinds.delete(kind);
          else this.hiddenEdgeKinds.add(kind);
        }
        this.filtersChanged();
      },
    });
  }

  private filtersChanged(): void {
    this.renderLegend();
    this.sigma?.refresh({ skipIndexation: true });
    this.syncUrl();
  }

  setView(view: ViewState['view']): void {
    this.view = view;
    document.body.dataset.view = view;
    for (const tab of document.querySelectorAll<HTMLElement>('[data-view-tab]')) tab.setAttribute('aria-pressed', String(tab.dataset.viewTab === view));
    this.ui.claims.hidden = view !== 'claims';
    this.table.setShown(view === 'claims');
    // the graph keeps its place; sigma needs to learn its container's new size
    requestAnimationFrame(() => this.sigma?.resize());
    this.syncUrl();
  }

  toggleLayout(): boolean { return this.layout?.toggle() ?? false; }
  untangle(): void { this.layout?.untangle(); }
  exportPng(): Promise<void> { return this.sigma ? exportPng(this.sigma) : Promise.resolve(); }
  exportJson(): void { if (this.graph) exportJson(this.graph, this.focus.visibility); }
  exportGexf(): void { if (this.graph) exportGexf(this.graph, this.focus.visibility); }

  currentState(): ViewState {
    return {
      graph: this.graphUrl,
      node: this.focus.selected,
      hiddenNodeKinds: [...this.hiddenNodeKinds].sort(),
      hiddenEdgeKinds: [...this.hiddenEdgeKinds].sort(),
      search: this.searchText,
      view: this.view,
    };
  }

  private syncUrl(): void {
    if (!this.graph) return;
    const query = printViewState(this.currentState());
    history.replaceState(null, '', `${location.pathname}${query}`);
  }
}

export function appElements(): AppElements {
  return {
    graph: byId('graph'),
    legend: byId('legend'),
    panel: byId('panel-content'),
    evidence: byId('evidence'),
    claims: byId('claims-view'),
    search: byId<HTMLInputElement>('search'),
    suggestions: byId('suggestions'),
    tooltip: byId('tooltip'),
  };
}
