/**
 * The viewer page's entry: reads the view state from the URL, opens the served graph (or `?graph=URL`),
 * and wires the toolbar, the file picker and drag and drop. Errors become a readable message, never a blank page.
 */
// first: zod must be told before any schema is built
import './zod-jitless';
import type { ClaimGraph } from '../../src/graph/load';
import { App, appElements } from './app';
import { parseViewState, type ViewState } from './model/url-state';
import { loadFromFile, loadFromUrl, NoGraphServed, searchServedGraph } from './load-source';
import { hideMessage, showMessage } from './ui/message';
import { byId } from './ui/dom';
import { watchServedGraph } from './watch-graph';

/** The served graph's URL when the page names none; for a graph served by parts, `focus` names the neighbourhood. */
const servedGraphUrl = (focus: string | null = null): string => (focus ? `graph?node=${encodeURIComponent(focus)}` : 'graph');

type Status = 'loading' | 'ready' | 'empty' | 'error';

declare global {
  interface Window {
    /** for tests and benchmarks: the running app and when the first frame was drawn */
    claimgraph?: { app: App; firstFrameMs: number | null; loadedMs: number | null };
  }
}

const documentCount = (graph: ClaimGraph): number => {
  const docs = graph.getAttribute('documents') as unknown;
  return Array.isArray(docs) ? docs.length : 0;
};

function setStatus(status: Status): void {
  document.body.dataset.status = status;
}

function boot(): void {
  const app = new App(appElements());
  const message = byId('message');
  window.claimgraph = { app, firstFrameMs: null, loadedMs: null };

  const show = (graph: ClaimGraph, name: string, graphUrl: string | null, state: ViewState) => {
    hideMessage(message);
    window.claimgraph!.loadedMs ??= performance.now();
    try {
      app.open(graph, graphUrl, state);
    } catch (err) {
      app.close();
      fail('This graph could not be drawn', err);
      return;
    }
    byId('graph-name').textContent = name;
    if (graph.order === 0) showMessage(message, 'This graph is empty', `${name} holds no nodes: nothing was extracted from its ${documentCount(graph)} document(s).`, 'info');
    requestAnimationFrame(() => {
      window.claimgraph!.firstFrameMs ??= performance.now();
      setStatus('ready');
    });
  };
  const fail = (title: string, err: unknown, dismissable = false) => {
    setStatus('error');
    showMessage(message, title, err instanceof Error ? err.message : String(err), 'error', dismissable);
  };

  // the page follows the served graph as `claimgraph start` rebuilds it, until the user opens another
  let followingServed = false;
  const openFile = async (file: File) => {
    followingServed = false;
    setStatus('loading');
    try {
      const { graph, name } = await loadFromFile(file);
      app.parts = null;
      show(graph, name, null, { ...app.currentState(), graph: null, node: null, search: '', camera: null, hiddenArticles: [], since: null, until: null, dispute: null, focus: null });
    } catch (err) {
      // the graph on screen stays as it was, title and legend with it; only the message is new
      fail(`“${file.name}” is not a graph this viewer can open`, err, app.graph !== null);
    }
  };

  // toolbar
  const fileInput = byId<HTMLInputElement>('file-input');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void openFile(file);
    fileInput.value = '';
  });
  const layoutButton = byId('layout-toggle');
  layoutButton.addEventListener('click', () => {
    const running = app.toggleLayout();
    layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
    layoutButton.setAttribute('aria-pressed', String(running));
  });
  byId('untangle').addEventListener('click', () => app.untangle());
  byId('export-png').addEventListener('click', () => void app.exportPng('whole'));
  byId('export-png-view').addEventListener('click', () => void app.exportPng('view'));
  // choosing an item closes the menu, as does a click elsewhere
  const exportMenu = document.querySelector<HTMLDetailsElement>('details.export')!;
  exportMenu.querySelector('.export-menu')!.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('button')) exportMenu.open = false;
  });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !exportMenu.contains(event.target)) exportMenu.open = false;
  });
  byId('export-gexf').addEventListener('click', () => app.exportGexf());
  byId('export-json').addEventListener('click', () => app.exportJson());
  for (const tab of document.querySelectorAll<HTMLElement>('[data-view-tab]')) {
    // a tab opens its list under the graph, and closes it when it is already open
    const view = tab.dataset.viewTab as ViewState['view'];
    tab.addEventListener('click', () => app.setView(app.currentState().view === view ? 'graph' : view));
  }

  // Escape clears the selection, unless it is closing a search or typing somewhere
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === 'Escape' && !typing) app.select(null, { camera: false });
  });

  // drag and drop anywhere on the page
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void openFile(file);
  });

  // a graph too large for the page comes by parts: one neighbourhood at a time, and a search over the whole
  const openNeighbourhood = async (key: string) => {
    setStatus('loading');
    try {
      const { graph, name } = await loadFromUrl(servedGraphUrl(key), true);
      followingServed = true;
      app.parts = servedParts;
      show(graph, name, null, { ...app.currentState(), node: key, camera: null, search: '', dispute: null, focus: key });
    } catch (err) {
      fail('This neighbourhood could not be opened', err, app.graph !== null);
    }
  };
  // only the served graph has parts to ask for: a file opened from disk has no server behind it
  const servedParts = { search: searchServedGraph, open: (key: string) => void openNeighbourhood(key) };

  const state = parseViewState(location.search);
  app.parts = state.graph === null ? servedParts : null;
  setStatus('loading');
  loadFromUrl(state.graph ?? servedGraphUrl(state.focus), state.graph !== null)
    .then(({ graph, name }) => {
      show(graph, name, state.graph, state);
      if (state.graph !== null) return;
      followingServed = true;
      watchServedGraph(async () => {
        let reloaded: Awaited<ReturnType<typeof loadFromUrl>>;
        try {
          reloaded = await loadFromUrl(servedGraphUrl(app.currentState().focus), false);
        } catch (err) {
          fail('The rebuilt graph could not be opened', err, true);
          return;
        }
        if (!followingServed) return;
        show(reloaded.graph, reloaded.name, null, app.currentState());
        showMessage(message, 'The graph was rebuilt', `${reloaded.name} now holds ${documentCount(reloaded.graph)} document(s).`, 'info', true);
      }, () => followingServed);
    })
    .catch((err: unknown) => {
      if (err instanceof NoGraphServed) {
        setStatus('empty');
        showMessage(message, 'No graph yet', 'Drop a graph file (graphology JSON or GEXF) on the page, or choose one with “Open…”.', 'info');
      } else fail('The graph could not be opened', err);
    });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
