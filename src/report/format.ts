/**
 * claimgraph report: the formats a brief is written in, chosen by the extension of the file asked for.
 */
import { briefToHtml } from './html';
import { briefToMarkdown } from './markdown';
import type { Brief } from './model';

export const BRIEF_FORMATS = { '.md': 'markdown', '.html': 'html' } as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[keyof typeof BRIEF_FORMATS];

/** The extension of a file name, lower case (`.md`), or '' when it has none. */
export const extensionOf = (file: string) => /\.[^./\\]*$/.exec(file)?.[0]?.toLowerCase() ?? '';

/** The format for an output file name (its extension, any case), or undefined when it has no known one. */
export function briefFormatFor(file: string): BriefFormat | undefined {
  const ext = extensionOf(file);
  return Object.hasOwn(BRIEF_FORMATS, ext) ? BRIEF_FORMATS[ext as keyof typeof BRIEF_FORMATS] : undefined;
}

/** The brief in the format asked for. */
export const renderBrief = (brief: Brief, format: BriefFormat): string => (format === 'html' ? briefToHtml(brief) : briefToMarkdown(brief));
