/**
 * The article list: one row per article, oldest first, with its title, date and outlet, and a checkbox that
 * shows or hides what the graph holds from it. Articles outside the date range are marked, not removed, so
 * the list still says what the graph holds.
 */
import { inDateRange, type Article, type ArticleFilter } from '../model/articles';
import { clear, el } from './dom';

export interface ArticleHandlers {
  toggle(id: string, visible: boolean): void;
}

function articleRow(article: Article, filter: ArticleFilter, handlers: ArticleHandlers): HTMLElement {
  const input = el('input', { attrs: { type: 'checkbox', 'aria-label': `Show “${article.title}”` }, dataset: { article: article.id }, on: { change: () => handlers.toggle(article.id, input.checked) } });
  input.checked = !filter.hidden.has(article.id);
  const outside = !inDateRange(article, filter);
  const meta = `${article.date ?? 'no date'} · ${article.outlet ?? 'outlet unknown'}${article.author ? ` · by ${article.author}` : ''}`;
  return el('label', { className: `article-row${outside ? ' out-of-range' : ''}`, title: outside ? `${article.title} (outside the date range)` : article.title, dataset: { article: article.id } }, [
    input,
    el('span', { className: 'article-text' }, [el('span', { className: 'article-title', text: article.title }), el('span', { className: 'article-meta', text: meta })]),
  ]);
}

export function renderArticleList(container: HTMLElement, articles: readonly Article[], filter: ArticleFilter, handlers: ArticleHandlers): void {
  clear(container);
  if (!articles.length) return;
  const shown = articles.filter((a) => !filter.hidden.has(a.id) && inDateRange(a, filter)).length;
  container.append(el('h2', {}, ['Articles ', el('span', { className: 'legend-count', text: `${shown} of ${articles.length} shown` })]));
  for (const article of articles) container.append(articleRow(article, filter, handlers));
}
