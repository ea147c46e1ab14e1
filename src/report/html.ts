/**
 * claimgraph report: the brief as one self-contained HTML page: its style inline, no script, nothing loaded
 * from elsewhere (a Content-Security-Policy forbids it), every text escaped. Links go to the articles and to
 * their sentences, and each citation's span to the article's entry at the end of the page.
 */
import { briefBlocks, oneLine, type Block, type Inline, type Item } from './blocks';
import type { Brief } from './model';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in an element or a quoted attribute. */
export const escapeHtml = (value: string) => oneLine(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Only links to the page itself, to http(s) and to relative paths; any other scheme (javascript:, data:) is no link. */
export function safeHref(href: string): string | undefined {
  if (href.startsWith('#')) return href;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' ? href : undefined;
}

function inline(run: Inline): string {
  const value = escapeHtml(run.text);
  const href = run.href === undefined ? undefined : safeHref(run.href);
  if (href !== undefined) return `<a href="${escapeHtml(href)}">${value}</a>`;
  return run.strong ? `<strong>${value}</strong>` : value;
}

const inlines = (runs: readonly Inline[]) => runs.map(inline).join('');

function list(items: readonly Item[]): string {
  const entry = (item: Item) => {
    const id = item.id === undefined ? '' : ` id="${escapeHtml(item.id)}"`;
    const children = item.children?.length ? `\n${list(item.children)}\n` : '';
    return `<li${id}>${inlines(item.content)}${children}</li>`;
  };
  return `<ul>\n${items.map(entry).join('\n')}\n</ul>`;
}

function block(b: Block): string {
  if (b.kind === 'heading') return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
  if (b.kind === 'paragraph') return `<p>${inlines(b.content)}</p>`;
  return list(b.items);
}

const STYLE = [
  'body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; color: #222; }',
  'h1 { font-size: 1.7rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { margin-bottom: 0.3rem; }',
  'li { margin: 0.3rem 0; } li li { color: #555; font-size: 0.9rem; list-style: circle; }',
  'a { color: #0b5cad; } li li a:last-of-type { color: inherit; text-decoration-color: #bbb; } :target { background: #fff3b0; }',
].join('\n');

/** The brief as a complete HTML document. */
export function briefToHtml(brief: Brief): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(brief.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...briefBlocks(brief).map(block),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
