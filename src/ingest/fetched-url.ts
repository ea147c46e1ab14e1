/**
 * claimgraph ingest: a web page named by its URL. It is read as HTML (the CLI fetches only pages served as HTML),
 * and its document id is the last part of the URL's path, as a file's id is its name: `https://example.org/news/
 * harbor-vote.html` → `harbor-vote`; a URL with no path is its host name (`example.org`).
 */

/** True for an input to fetch: an http or https URL. Nothing else is ever fetched. */
export const isHttpUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** The segment as text (`%20` → space); a malformed escape is kept as it is written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The document id of a page's URL (a URL that does not parse gives itself). */
export function documentIdOfUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const last = parsed.pathname.split('/').filter((s) => s !== '').pop();
  if (last === undefined) return parsed.hostname;
  const name = decodeSegment(last);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The URL as it is stored in the graph (`documents[].path`) and named in messages: without a user name and
 * password, which must not end up in a graph file, and without the fragment, which names no other page.
 */
export function urlForRecord(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
