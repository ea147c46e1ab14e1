/**
 * Test helper: an HTML page as a parser reads it (linkedom, in a child process: its dependencies are ES modules,
 * which jest's module loader cannot require), flattened to its elements in document order.
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/run-cli';

export interface ParsedElement {
  tag: string;
  attrs: Record<string, string>;
  /** textContent */
  text: string;
  /** index of the parent element in the list, -1 for the root */
  parent: number;
}

const SCRIPT = `
const { parseHTML } = require('linkedom');
let html = '';
process.stdin.on('data', (c) => (html += c)).on('end', () => {
  const { document } = parseHTML(html);
  const all = [...document.querySelectorAll('*')];
  const out = all.map((el) => ({
    tag: el.tagName.toLowerCase(),
    attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
    text: el.textContent,
    parent: all.indexOf(el.parentElement),
  }));
  process.stdout.write(JSON.stringify(out));
});`;

export function parseHtml(html: string): ParsedElement[] {
  const result = spawnSync(process.execPath, ['-e', SCRIPT], { cwd: ROOT, input: html, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`linkedom failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ParsedElement[];
}

/** The elements of these tags. */
export const elements = (page: ParsedElement[], ...tags: string[]) => page.filter((e) => tags.includes(e.tag));

/** The elements below the one at `index`, at any depth. */
export function descendants(page: ParsedElement[], index: number): ParsedElement[] {
  const below = (i: number): boolean => i >= 0 && (page[i]!.parent === index || below(page[i]!.parent));
  return page.filter((_e, i) => below(i));
}
