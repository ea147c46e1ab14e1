/**
 * The search box: suggestions over labels and aliases as the user types (accents and case ignored),
 * arrow keys and Enter to choose, Escape to close. Choosing calls back with the node.
 */
import { suggest, type SearchEntry } from '../model/search';
import { clear, el } from './dom';
import { kindChip } from './panel';

export class SearchBox {
  private index: readonly SearchEntry[] = [];
  private active = -1;
  private options: { node: string; element: HTMLElement }[] = [];

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly onChoose: (node: string) => void,
    private readonly onQuery: (query: string) => void,
  ) {
    input.addEventListener('input', () => {
      this.onQuery(input.value);
      this.refresh();
    });
    input.addEventListener('focus', () => this.refresh());
    input.addEventListener('keydown', (event) => this.onKey(event));
    // Options choose on mousedown (which keeps focus), so blur can close at once; a delayed close
    // would also close the list the user reopened by focusing and typing again within the delay.
    input.addEventListener('blur', () => this.close());
    // Pressing on the list (its scrollbar, a "No match" row) must not take focus from the input.
    list.addEventListener('mousedown', (event) => event.preventDefault());
  }

  setIndex(index: readonly SearchEntry[]): void {
    this.index = index;
  }

  private refresh(): void {
    clear(this.list);
    const found = suggest(this.index, this.input.value, 12);
    this.options = found.map((s, i) => {
      const element = el('li', { attrs: { role: 'option', id: `suggestion-${i}` }, dataset: { node: s.node }, on: { mousedown: (e) => { e.preventDefault(); this.choose(s.node); } } }, [
        kindChip(s.kind),
        el('span', { className: 'suggestion-label', text: s.label }),
        s.via ? el('span', { className: 'suggestion-via', text: `(${s.via})` }) : null,
      ]);
      return { node: s.node, element };
    });
    for (const option of this.options) this.list.append(option.element);
    if (!found.length && this.input.value.trim()) this.list.append(el('li', { className: 'muted', text: 'No match' }));
    this.list.hidden = !this.list.firstChild;
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
    this.setActive(this.options.length ? 0 : -1);
  }

  private setActive(i: number): void {
    this.active = i;
    this.options.forEach((o, j) => o.element.setAttribute('aria-selected', String(i === j)));
    if (i >= 0) this.input.setAttribute('aria-activedescendant', `suggestion-${i}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!this.options.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.setActive((this.active + step + this.options.length) % this.options.length);
    } else if (event.key === 'Enter') {
      const option = this.options[this.active];
      if (option) this.choose(option.node);
    } else if (event.key === 'Escape') this.close();
  }

  private choose(node: string): void {
    this.close();
    this.onChoose(node);
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
