/**
 * claimgraph report: the brief as Markdown (CommonMark). Text from the articles is escaped, so that no word of
 * theirs becomes markup, a link or raw HTML: the rendered page shows exactly the text.
 */
import { briefBlocks, oneLine, type Block, type Inline, type Item } from './blocks';
import type { Brief } from './model';

/** Backslash-escapes the punctuation CommonMark gives meaning to inline (and `<`, `&`: raw HTML, entities). */
export const markdownText = (value: string) => oneLine(value).replace(/[\\`*_[\]<>#|~&!]/g, (c) => `\\${c}`);

/** A link destination in angle brackets, with what would end it or break the line percent-encoded. */
const destination = (href: string) => `<${href.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c))}>`;

function inline(run: Inline): string {
  const value = markdownText(run.text);
  if (run.href && !run.local) return `[${value}](${destination(run.href)})`;
  return run.strong ? `**${value}**` : value;
}

/** A line's runs; a start that would read as a block marker (`1.`, `-`, `+`, `=`) is escaped. */
const inlines = (runs: readonly Inline[]) => runs.map(inline).join('').replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');

function listItems(items: readonly Item[], depth: number): string[] {
  return items.flatMap((item) => [`${'  '.repeat(depth)}- ${inlines(item.content)}`, ...listItems(item.children ?? [], depth + 1)]);
}

function block(b: Block): string {
  if (b.kind === 'heading') return `${'#'.repeat(b.level)} ${markdownText(b.text)}`;
  if (b.kind === 'paragraph') return inlines(b.content);
  return listItems(b.items, 0).join('\n');
}

/** The brief as a Markdown document, blocks separated by blank lines, ending with a line break. */
export function briefToMarkdown(brief: Brief): string {
  return `${briefBlocks(brief).map(block).join('\n\n')}\n`;
}
