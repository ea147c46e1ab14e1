/**
 * claimgraph report: a story brief from a graph, as a document model (composeBrief) written as Markdown or as
 * a self-contained HTML page. Pure functions; the CLI (src/cli/report.ts) reads the graph and writes the file.
 */
export { composeBrief, type ArticleInfo, type BriefOptions } from './compose';
export { briefToMarkdown, markdownText } from './markdown';
export { briefToHtml, escapeHtml, safeHref } from './html';
export { articleHref, sentenceHref } from './links';
export { describeCounts } from './blocks';
export { BRIEF_FORMATS, briefFormatFor, extensionOf, renderBrief, type BriefFormat } from './format';
export type * from './model';
