/**
 * The brief written as Markdown and as HTML: the layout on the harrow-ferry story, every text escaped on a graph
 * of hostile texts (read back with linkedom, as a browser parses it), the page self-contained, and the
 * links (to articles, to sentences, inside the page) well formed.
 */
import { queryGraph } from '../../src/query';
import { articleHref, briefFormatFor, briefToHtml, briefToMarkdown, composeBrief, escapeHtml, markdownText, safeHref, sentenceHref, type Brief } from '../../src/report';
import { fixtureStory } from '../query/stories';
import { HOSTILE, hostileGraph } from './hostile-graph';
import { descendants, elements, parseHtml } from './read-html';

let story: Brief;
beforeAll(() => {
  story = composeBrief(queryGraph(fixtureStory('harrow-ferry')), { about: 'Harrow', articleHref: (a) => articleHref(a.path, '/data/graph.json', '/data/briefs/brief.md') });
});
const hostile = () => composeBrief(queryGraph(hostileGraph()), { articleHref: (a) => articleHref(a.path, '/data/graph.json', '/data/brief.html') });

// the HTML is parsed in a child process
jest.setTimeout(120_000);

describe('Markdown', () => {
  it('lays out the title, summary, speakers by stance, disputes, timeline and articles, each line with its citation', () => {
    const md = briefToMarkdown(story);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Story brief: Harrow', '## Speakers', '### Calder Mirrow (person)', '### Engineer Suna Velt (person)', '### Tessaly Quorne (person)',
      '## Disputes', '### 1. Engineer Suna Velt vs Tessaly Quorne', '### 2. Calder Mirrow vs Tessaly Quorne',
      '## Timeline', '### 2041-05-05', '### 2041-05-09', '## Articles',
    ]);
    expect(md).toContain('\n2 articles, 2041-05-05 to 2041-05-09; 3 speakers, 1 claim, 2 disputes.\n');
    expect(md).toContain('\n**Questioned (1)**\n\n- the Harrow ferry engines failed twice in April\n  - [Harrow Ferry Engines Inspected](<../harrow-ferry/f3-ferry-engines.txt>), 2041-05-09, f3-ferry-engines:226–244: ');
    expect(md).toContain('\n- **Engineer Suna Velt** stated: the Harrow ferry engines failed twice in April\n  - [Council Vote on Harrow Ferry](<../harrow-ferry/f2-ferry-vote.txt>), 2041-05-05, f2-ferry-vote:278–282: [“Engineer Suna Velt said the Harrow ferry engines failed twice in April.”](<../harrow-ferry/f2-ferry-vote.txt#:~:text=Engineer%20Suna%20Velt%20said,failed%20twice%20in%20April.>)\n');
    expect(md).toContain('\n2041-05-05: opposite stances on one claim (opposite-stance)\n');
    expect(md.endsWith('- 2041-05-09: [Harrow Ferry Engines Inspected](<../harrow-ferry/f3-ferry-engines.txt>) (f3-ferry-engines, harrow-ferry/f3-ferry-engines.txt)\n')).toBe(true);
  });

  it('escapes every text, so no word of an article becomes HTML, a link or emphasis', () => {
    const md = briefToMarkdown(hostile());
    expect(md).not.toMatch(/(?<!\\)(<script|<img|<b>|\]\(javascript)/i);
    expect(md).toContain('the toll is \\<b\\>50 \\&amp; rising\\</b\\> \\& "final" \\[see\\](javascript:alert(2)) \\*now\\* \'ok\'');
    expect(md).toContain('### Mallory \\<img src=x onerror=alert(1)\\> \\& Co (person)');
    // the javascript: path is no link; the odd file name is one, percent-encoded
    expect(md).not.toContain('(<javascript');
    expect(md).toContain('[Reply](<in%20dir/it%27s%20%281%29%20%232.txt>)');
  });

  it('escapes a text that would start a list or a heading', () => {
    expect(markdownText('# 1. [a] <b> & c_d')).toBe('\\# 1. \\[a\\] \\<b\\> \\& c\\_d');
    expect(markdownText('two\nlines')).toBe('two lines');
  });
});

describe('HTML', () => {
  it('is one self-contained page: no script, nothing loaded from elsewhere, a policy that forbids it', () => {
    const html = briefToHtml(story);
    const page = parseHtml(html);
    expect(elements(page, 'script', 'link', 'img', 'iframe', 'object', 'embed', 'base')).toEqual([]);
    expect(page.filter((e) => 'src' in e.attrs || 'srcset' in e.attrs || 'style' in e.attrs)).toEqual([]);
    expect(html).not.toMatch(/url\(|@import/);
    expect(page.find((e) => e.attrs['http-equiv'] === 'Content-Security-Policy')!.attrs.content).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(elements(page, 'title')[0]!.text).toBe('Story brief: Harrow');
  });

  it('links each citation to its article, its sentence, and its article\'s entry in the page', () => {
    const page = parseHtml(briefToHtml(story));
    const ids = new Set(page.map((e) => e.attrs.id).filter(Boolean));
    const hrefs = elements(page, 'a').map((a) => a.attrs.href!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) {
      if (href.startsWith('#')) expect(ids.has(href.slice(1))).toBe(true);
      else expect(href).toMatch(/^\.\.\/harrow-ferry\/f[23]-ferry-(vote|engines)\.txt(#:~:text=.+)?$/);
    }
    const velt = page.findIndex((e) => e.tag === 'li' && e.text.startsWith('Engineer Suna Velt stated'));
    const links = elements(descendants(page, velt), 'a').map((a) => [a.text, a.attrs.href]);
    expect(links).toEqual([
      ['Council Vote on Harrow Ferry', '../harrow-ferry/f2-ferry-vote.txt'],
      ['f2-ferry-vote:278–282', '#article-f2-ferry-vote'],
      ['“Engineer Suna Velt said the Harrow ferry engines failed twice in April.”', '../harrow-ferry/f2-ferry-vote.txt#:~:text=Engineer%20Suna%20Velt%20said,failed%20twice%20in%20April.'],
    ]);
  });

  it('escapes every text: the parsed page shows the hostile words as words, and holds no element or link they name', () => {
    const html = briefToHtml(hostile());
    const page = parseHtml(html);
    expect(elements(page, 'script', 'img', 'b')).toEqual([]);
    expect(page.filter((e) => Object.keys(e.attrs).some((a) => a.startsWith('on')))).toEqual([]);
    expect(elements(page, 'title')[0]!.text).toBe('Story brief');
    expect(elements(page, 'h3')[0]!.text).toBe(`${HOSTILE.speaker} (person)`);
    const said = page.findIndex((e) => e.tag === 'li' && e.text.startsWith(`${HOSTILE.speaker} stated: ${HOSTILE.claim}`));
    expect(said).toBeGreaterThan(0);
    const citation = elements(descendants(page, said), 'li')[0]!;
    const at = HOSTILE.title.length + 2 + HOSTILE.speaker.length + 1; // "said" after the title line, a blank line and the name
    expect(citation.text).toBe(`${HOSTILE.title}, 2031-06-01, tolls:${at}–${at + 4}: “${HOSTILE.speaker} said ${HOSTILE.claim}.”`);
    const hrefs = elements(page, 'a').map((a) => a.attrs.href!);
    expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual(expect.arrayContaining([expect.stringMatching(/^in%20dir\/it%27s%20%281%29%20%232\.txt#:~:text=Trent%20O%27Hare%20denied%20that,.*%28javascript%3Aalert%282%29%29%20%2Anow%2A%20%27ok%27\.$/)]));
    expect(hrefs).toContain('in%20dir/it%27s%20%281%29%20%232.txt');
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;Fees&quot;');
  });

  it('escapes the five characters that matter, and refuses links of other schemes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect([safeHref('#a'), safeHref('a/b.txt'), safeHref('https://x.example/a'), safeHref('JavaScript:alert(1)'), safeHref('data:text/html,x')]).toEqual(['#a', 'a/b.txt', 'https://x.example/a', undefined, undefined]);
  });
});

describe('links and formats', () => {
  it('links an article by its path from the brief\'s folder, or by its URL', () => {
    expect(articleHref('articles/a b.txt', '/d/graph.json', '/d/out/brief.md')).toBe('../articles/a%20b.txt');
    expect(articleHref('articles/a.txt', 'graph.json', 'brief.html')).toBe('articles/a.txt');
    expect(articleHref('https://news.example/a story', '/d/graph.json', '/x/brief.md')).toBe('https://news.example/a%20story');
    expect([articleHref('javascript:alert(1)', 'g.json', 'b.md'), articleHref(undefined, 'g.json', 'b.md')]).toEqual([undefined, undefined]);
  });

  it('links a sentence by a text fragment of its first and last words, its syntax escaped', () => {
    expect(sentenceHref('a.txt', 'A short-lived, odd & fine sentence.')).toBe('a.txt#:~:text=A%20short%2Dlived%2C%20odd%20%26%20fine%20sentence.');
    expect(sentenceHref('a.txt#old', 'one two three four five six seven eight nine')).toBe('a.txt#:~:text=one%20two%20three%20four,six%20seven%20eight%20nine');
  });

  it('chooses the format by the extension, in any case, and nothing else', () => {
    expect(['brief.md', 'BRIEF.HTML', 'a.b/brief.html', 'brief.txt', 'brief', 'brief.md.bak', 'dir.md/brief'].map(briefFormatFor)).toEqual(['markdown', 'html', 'html', undefined, undefined, undefined, undefined]);
  });
});
