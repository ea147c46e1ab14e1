/**
 * claimgraph report: links from a brief to its articles. An article read from a URL links to that URL; one read
 * from a file links to it by a path relative to the brief's folder. A link to a sentence adds a text fragment
 * (`#:~:text=start,end`), which browsers follow to the words and highlight. String work only: no file is read.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** Text percent-encoded for a path segment or a fragment, the characters Markdown and HTML give meaning to included. */
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An http(s) URL as a normalised href, or undefined for anything else. */
function webHref(path: string): string | undefined {
  try {
    const url = new URL(path);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The href of an article whose `documents[].path` is `path` (relative to the graph file's folder, or a URL), from
 * a brief written at `briefFile`; undefined when the article has no path or its path names another scheme.
 */
export function articleHref(path: string | undefined, graphFile: string, briefFile: string): string | undefined {
  if (!path) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return webHref(path);
  const target = resolve(dirname(graphFile), path);
  return relative(dirname(resolve(briefFile)), target).split(sep).map(encodeSegment).join('/');
}

/** Words of a text fragment, encoded: `-`, `,` and `&` are its syntax, so they are escaped too. */
const fragmentWords = (words: readonly string[]) => encodeSegment(words.join(' ')).replace(/-/g, '%2D');

/** A link to `sentence` inside the article at `href`: its first and last words as a text fragment. */
export function sentenceHref(href: string, sentence: string): string {
  const base = href.replace(/#.*$/s, '');
  const words = sentence.split(/\s+/).filter(Boolean);
  if (!words.length) return base;
  const range = words.length <= 8 ? fragmentWords(words) : `${fragmentWords(words.slice(0, 4))},${fragmentWords(words.slice(-4))}`;
  return `${base}#:~:text=${range}`;
}
