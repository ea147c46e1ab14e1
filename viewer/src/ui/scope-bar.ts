/**
 * The bar over a graph that is one part of a larger one (a neighbourhood the server cut out): how much of the
 * whole graph it shows, and a search over every node of the whole graph, to open another neighbourhood.
 * Every name is set as text.
 */
import type { GraphScope } from '../../../src/graph/schema';
import type { NodeMatch } from '../../../src/query/neighbourhood';
import { clear, el } from './dom';

export interface ScopeActions {
  /** the nodes of the whole graph that match; rejects with a readable Error */
  search(text: string): Promise<NodeMatch[]>;
  /** opens the neighbourhood of the node with this key */
  open(key: string): void;
}

/** A search waits for the typing to pause. */
const SEARCH_DELAY_MS = 250;

const count = (n: number) => n.toLocaleString('en-US');

function resultList(list: HTMLElement, matches: NodeMatch[], text: string, actions: ScopeActions): void {
  clear(list);
  if (!matches.length) {
    list.append(el('li', { className: 'muted', text: `Nothing in the whole graph matches “${text}”.` }));
    return;
  }
  for (const m of matches) {
    list.append(el('li', {}, [
      el('button', { className: 'scope-result', dataset: { key: m.key }, on: { click: () => actions.open(m.key) } }, [
        el('span', { className: 'scope-result-label', text: m.label }),
        el('span', { className: 'muted', text: ` ${m.kind} · ${count(m.degree)} edge${m.degree === 1 ? '' : 's'}` }),
      ]),
    ]));
  }
}

/** Fills `container` for `scope`, or hides it when the graph is whole. */
export function renderScopeBar(container: HTMLElement, scope: GraphScope | undefined, shown: { nodes: number; edges: number }, actions: ScopeActions | null): void {
  clear(container);
  container.hidden = !scope;
  if (!scope) return;
  const list = el('ul', { className: 'scope-results', attrs: { 'aria-live': 'polite' } });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const input = el('input', {
    className: 'scope-search',
    attrs: { type: 'search', placeholder: 'Open another neighbourhood: search every node…', 'aria-label': 'Search every node of the whole graph', autocomplete: 'off', spellcheck: 'false' },
  });
  const run = () => {
    const text = input.value.trim();
    const ticket = ++asked;
    if (!text || !actions) return clear(list);
    actions.search(text).then(
      (matches) => ticket === asked && resultList(list, matches, text, actions),
      (err: unknown) => {
        if (ticket !== asked) return;
        clear(list);
        list.append(el('li', { className: 'scope-error', text: err instanceof Error ? err.message : String(err) }));
      },
    );
  };
  input.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, SEARCH_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    if (timer) clearTimeout(timer);
    run();
  });
  container.append(
    el('p', { className: 'scope-line' }, [
      'Showing ',
      el('strong', { text: `${count(shown.nodes)} of ${count(scope.nodes)} nodes` }),
      ` (${count(shown.edges)} of ${count(scope.edges)} edges, ${count(scope.documents)} articles in all): the neighbourhood of `,
      el('strong', { className: 'scope-focus', text: scope.label }),
      '. The whole graph is too large to draw at once.',
    ]),
    ...(actions ? [input] : []),
    list,
  );
}
