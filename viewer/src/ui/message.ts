/** A message over the graph area: an error a person can read (a file that is not a graph), or a hint. */
import { clear, el } from './dom';

/** `dismissable`: a close button, for a message over a graph that is still there to use. */
export function showMessage(container: HTMLElement, title: string, detail: string, kind: 'error' | 'info' = 'error', dismissable = false): void {
  clear(container);
  container.className = `message ${kind}`;
  container.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  if (dismissable) container.append(el('button', { className: 'icon-button message-close', text: '×', title: 'Close the message', attrs: { 'aria-label': 'Close the message' }, on: { click: () => hideMessage(container) } }));
  container.append(el('strong', { text: title }), el('p', { text: detail }));
  if (kind === 'error') container.append(el('p', { className: 'muted', text: 'Open another file with “Open…”, or drop one on the page.' }));
  container.hidden = false;
}

export function hideMessage(container: HTMLElement): void {
  container.hidden = true;
  clear(container);
}
