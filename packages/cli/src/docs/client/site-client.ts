/**
 * The docs page's script, bundled and inlined into the page by `loadSiteScript`. It renders the
 * entry cards from the page data in a window of the results (more load as the reader scrolls), so
 * a page with 10,000 entries stays fast; searches the index the generator built on every
 * keystroke; shows the empty state; scrolls deep links to their entry and highlights it; moves
 * between results from the keyboard; and renders each profile's example when its tab is chosen.
 * It runs in the browser only.
 */
import { builtinProfiles, type WireProfile } from 'errcat';
import { examplePre, renderEntryCard } from '../entry-card.js';
import { html, SafeHtml } from '../html.js';
import { renderExample } from '../render-example.js';
import { matchesTokens, queryTokens } from '../search-text.js';
import type { SiteData } from '../site-data.js';
import { siteExampleSource } from '../site-example.js';

/** How many cards a search shows at first: enough to fill a screen, few enough for a fast keystroke. */
const FIRST = 12;
/** How many cards are added at a time as the reader scrolls. */
const BATCH = 30;

const data = JSON.parse(document.getElementById('ec-data')?.textContent ?? '{}') as SiteData;
const profiles = new Map<string, WireProfile>(Object.values(builtinProfiles).map((p) => [p.name, p]));
const list = document.getElementById('ec-list') as HTMLElement;
const earlier = document.getElementById('ec-earlier') as HTMLButtonElement;
const later = document.getElementById('ec-later') as HTMLButtonElement;
const search = document.getElementById('ec-q') as HTMLInputElement;
const status = document.getElementById('ec-status') as HTMLElement;
const empty = document.getElementById('ec-empty') as HTMLElement;
const all = data.entries.map((_, i) => i);
const byAnchor = new Map(data.entries.map((entry, i) => [entry.anchor, i]));
const groupById = new Map(data.groups.map((group, i) => [group.id, i]));
const navItems = data.groups.map(
  (group) =>
    document.querySelector<HTMLElement>(`.ec-nav a[data-group="${CSS.escape(group.id)}"]`)?.parentElement,
);

let results: number[] = all;
let lo = 0;
let hi = 0;
let lastQuery: string | undefined;
let highlighted: string | undefined;

function groupOf(position: number): number {
  return data.entries[results[position] as number]?.group ?? -1;
}

function groupHeader(index: number): SafeHtml {
  const group = data.groups[index];
  if (!group) return html``;
  return html`<div class="ec-group" id="${group.id}"><h2 id="${group.id}-h">${group.title}${
    group.range && html` <span class="ec-range">${group.range}</span>`
  }</h2>${new SafeHtml(group.introHtml)}</div>`;
}

/** The HTML of results `from` to `to`, with a group heading where a group starts. */
function renderRange(from: number, to: number): string {
  let out = '';
  for (let position = from; position < to; position++) {
    const index = results[position] as number;
    const entry = data.entries[index];
    if (!entry) continue;
    if (position === 0 || groupOf(position - 1) !== entry.group) out += groupHeader(entry.group).value;
    const profile = profiles.get(data.profile);
    const source = siteExampleSource(entry, data);
    const example = source && profile ? renderExample(source, profile) : undefined;
    out += renderEntryCard(entry, index, data, example).value;
  }
  return out;
}

function updateMoreButtons(): void {
  earlier.hidden = lo === 0;
  earlier.textContent = `Show ${Math.min(BATCH, lo)} earlier ${lo === 1 ? 'error' : 'errors'}`;
  later.hidden = hi >= results.length;
  later.textContent = `Show more errors (${results.length - hi} more)`;
  if (highlighted) document.getElementById(highlighted)?.classList.add('ec-highlight');
}

function renderWindow(from: number, to: number): void {
  lo = from;
  hi = Math.min(results.length, to);
  list.innerHTML = renderRange(lo, hi);
  updateMoreButtons();
}

function showLater(): void {
  if (hi >= results.length) return;
  const to = Math.min(results.length, hi + BATCH);
  list.insertAdjacentHTML('beforeend', renderRange(hi, to));
  hi = to;
  updateMoreButtons();
}

function showEarlier(): void {
  if (lo === 0) return;
  const from = Math.max(0, lo - BATCH);
  // A heading that opened the window moves below the cards of its own group: drop it first.
  const first = list.firstElementChild;
  if (first?.classList.contains('ec-group') && groupOf(lo - 1) === groupOf(lo)) first.remove();
  list.insertAdjacentHTML('afterbegin', renderRange(from, lo));
  lo = from;
  updateMoreButtons();
}

/** Shows the entries whose text holds every word of the query. */
function applySearch(query: string): void {
  const tokens = queryTokens(query);
  const key = tokens.join(' ');
  if (key === lastQuery) return;
  lastQuery = key;
  const searching = tokens.length > 0;
  const counts = data.groups.map(() => 0);
  if (searching) {
    results = [];
    for (let i = 0; i < data.entries.length; i++) {
      const entry = data.entries[i] as SiteData['entries'][number];
      if (matchesTokens(entry.search, tokens)) {
        results.push(i);
        counts[entry.group] = (counts[entry.group] ?? 0) + 1;
      }
    }
  } else results = all;
  renderWindow(0, FIRST);
  navItems.forEach((item, i) => {
    if (!item) return;
    const count = searching ? (counts[i] ?? 0) : (data.groups[i]?.count ?? 0);
    item.hidden = count === 0;
    const badge = item.querySelector('.ec-count');
    if (badge) {
      badge.textContent = String(count);
      badge.setAttribute('aria-label', `${count} ${count === 1 ? 'error' : 'errors'}`);
    }
  });
  document.body.classList.toggle('ec-searching', searching);
  empty.hidden = !searching || results.length > 0;
  const total = data.entries.length;
  status.textContent = !searching
    ? ''
    : results.length === 0
      ? 'No errors found matching your search.'
      : `${results.length} of ${total} ${total === 1 ? 'error matches' : 'errors match'}.`;
}

function clearSearch(): void {
  search.value = '';
  applySearch('');
}

function fragment(): string | undefined {
  if (location.hash.length < 2) return undefined;
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return location.hash.slice(1);
  }
}

/** Brings the entry or group that the URL's fragment names into the window, scrolls to it and highlights it. */
function showTarget(): void {
  const id = fragment();
  if (id === undefined) return;
  const index = byAnchor.get(id);
  const group = groupById.get(id);
  if (index === undefined && group === undefined) return;
  let position =
    index === undefined ? results.findIndex((i) => data.entries[i]?.group === group) : results.indexOf(index);
  if (position < 0) {
    clearSearch();
    position = index === undefined ? results.findIndex((i) => data.entries[i]?.group === group) : index;
  }
  if (position < lo || position >= hi) {
    const groupStart = results.findIndex((i) => data.entries[i]?.group === groupOf(position));
    const from = position - groupStart < BATCH / 2 ? groupStart : position;
    renderWindow(from, Math.max(from + BATCH, position + 1));
  }
  const target = document.getElementById(id);
  if (!target) return;
  if (index !== undefined) {
    if (highlighted) document.getElementById(highlighted)?.classList.remove('ec-highlight', 'ec-flash');
    highlighted = id;
    target.classList.add('ec-highlight', 'ec-flash');
  }
  target.scrollIntoView({ block: 'start' });
  if (index !== undefined) target.focus({ preventScroll: true });
}

function fillPanel(tab: HTMLElement, panel: HTMLElement): void {
  if (panel.querySelector('pre')) return;
  const article = tab.closest<HTMLElement>('article.ec-entry');
  const entry = data.entries[Number(article?.dataset.index)];
  const profile = profiles.get(tab.dataset.profile ?? '');
  const source = entry && siteExampleSource(entry, data);
  if (source && profile)
    panel.insertAdjacentHTML('beforeend', examplePre(renderExample(source, profile), data).value);
}

function selectTab(tab: HTMLElement, focus: boolean): void {
  for (const other of tab.parentElement?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
    if (panel) {
      if (selected) fillPanel(other, panel);
      panel.hidden = !selected;
    }
  }
  if (focus) tab.focus();
}

function onTabKey(event: KeyboardEvent, tab: HTMLElement): void {
  const tabs = Array.from(tab.parentElement?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []);
  const at = tabs.indexOf(tab);
  const moves: Record<string, HTMLElement | undefined> = {
    ArrowRight: tabs[(at + 1) % tabs.length],
    ArrowLeft: tabs[(at - 1 + tabs.length) % tabs.length],
    Home: tabs[0],
    End: tabs[tabs.length - 1],
  };
  const next = moves[event.key];
  if (next) {
    event.preventDefault();
    selectTab(next, true);
  }
}

function focusEntry(entry: Element | null | undefined): void {
  if (!(entry instanceof HTMLElement)) return;
  entry.focus({ preventScroll: true });
  entry.scrollIntoView({ block: 'nearest' });
}

/** The next or previous card from `from`, loading more of the window when the edge is reached. */
function neighbour(from: HTMLElement, down: boolean): Element | null {
  const step = (element: Element | null): Element | null =>
    down ? (element?.nextElementSibling ?? null) : (element?.previousElementSibling ?? null);
  let next = step(from);
  while (next && !next.classList.contains('ec-entry')) next = step(next);
  if (next) return next;
  if (down && hi < results.length) {
    showLater();
    return neighbour(from, down);
  }
  if (!down && lo > 0) {
    showEarlier();
    return neighbour(from, down);
  }
  return null;
}

search.addEventListener('input', () => applySearch(search.value));
search.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') clearSearch();
  else if (event.key === 'Enter' || event.key === 'ArrowDown') {
    event.preventDefault();
    focusEntry(list.querySelector('article.ec-entry'));
  }
});

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  if (
    event.key === '/' &&
    !(target instanceof HTMLInputElement) &&
    !(target instanceof HTMLTextAreaElement)
  ) {
    event.preventDefault();
    search.focus();
    search.select();
  } else if (target?.getAttribute('role') === 'tab') {
    onTabKey(event, target);
  } else if (target?.classList.contains('ec-entry')) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusEntry(neighbour(target, event.key === 'ArrowDown'));
    } else if (event.key === 'Escape') search.focus();
  }
});

document.addEventListener('click', (event) => {
  const tab = (event.target as HTMLElement | null)?.closest<HTMLElement>('[role="tab"]');
  if (tab) selectTab(tab, false);
});
earlier.addEventListener('click', showEarlier);
later.addEventListener('click', showLater);
// Cards load ahead of the reader: when the "more" button nears the viewport, the next batch renders.
new IntersectionObserver(
  (seen) => {
    if (seen.some((entry) => entry.isIntersecting)) showLater();
  },
  { rootMargin: '1200px 0px' },
).observe(later);
// Printing shows every result, not just the window.
window.addEventListener('beforeprint', () => renderWindow(0, results.length));

// The sticky search bar is taller on a phone (it wraps): keep scroll targets clear of it.
const bar = document.querySelector<HTMLElement>('.ec-search');
function syncStickyHeight(): void {
  if (bar) document.documentElement.style.setProperty('--sticky', `${bar.offsetHeight}px`);
}
window.addEventListener('resize', syncStickyHeight);
syncStickyHeight();

const initial = new URLSearchParams(location.search).get('q');
search.value = initial ?? '';
applySearch(search.value);
window.addEventListener('hashchange', showTarget);
showTarget();
