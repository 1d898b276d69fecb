/**
 * The docs page's script, bundled and inlined into the page by `loadSiteScript`: instant search
 * over the index the generator built, the empty state, deep links that scroll to and highlight an
 * entry, keyboard navigation between results, and accessible tabs for the example responses.
 * It runs in the browser only.
 */
import { matchesTokens, queryTokens } from '../search-text.js';

const search = document.getElementById('ec-q') as HTMLInputElement | null;
const status = document.getElementById('ec-status');
const empty = document.getElementById('ec-empty');
const indexElement = document.getElementById('ec-search-index');
const entries = Array.from(document.querySelectorAll<HTMLElement>('article.ec-entry'));
const groups = Array.from(document.querySelectorAll<HTMLElement>('section.ec-group'));
const texts: string[] = indexElement ? (JSON.parse(indexElement.textContent ?? '[]') as string[]) : [];
const shown: boolean[] = entries.map(() => true);
const navLinks = new Map<string, HTMLElement>();
for (const link of document.querySelectorAll<HTMLElement>('.ec-nav a[data-group]')) {
  const item = link.parentElement;
  if (item && link.dataset.group) navLinks.set(link.dataset.group, item);
}
let highlighted: HTMLElement | undefined;
let lastQuery = '';

/** Shows the entries whose text holds every word of the query; hides the rest and empty groups. */
function applySearch(query: string): void {
  const tokens = queryTokens(query);
  const key = tokens.join(' ');
  if (key === lastQuery) return;
  lastQuery = key;
  const searching = tokens.length > 0;
  let total = 0;
  for (const group of groups) {
    const start = Number(group.dataset.start);
    const end = start + Number(group.dataset.count);
    let count = 0;
    for (let i = start; i < end; i++) {
      const match = !searching || matchesTokens(texts[i] ?? '', tokens);
      if (match) count++;
      // Only entries whose state changes are touched: a keystroke costs the change, not the page.
      if (shown[i] !== match) {
        shown[i] = match;
        (entries[i] as HTMLElement).hidden = !match;
      }
    }
    total += count;
    group.hidden = count === 0;
    const item = navLinks.get(group.id);
    if (item) item.hidden = count === 0;
  }
  document.body.classList.toggle('ec-searching', searching);
  if (empty) empty.hidden = !searching || total > 0;
  if (status) {
    status.textContent = !searching
      ? ''
      : total === 0
        ? 'No errors found matching your search.'
        : `${total} of ${entries.length} ${entries.length === 1 ? 'error matches' : 'errors match'}.`;
  }
}

function visibleEntries(): HTMLElement[] {
  return entries.filter((entry, i) => shown[i] && !(entry.parentElement as HTMLElement).hidden);
}

function focusEntry(entry: HTMLElement | undefined): void {
  if (!entry) return;
  entry.focus({ preventScroll: true });
  entry.scrollIntoView({ block: 'nearest' });
}

function targetOfHash(): HTMLElement | undefined {
  if (location.hash.length < 2) return undefined;
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // A malformed escape is looked up as written.
  }
  return document.getElementById(id) ?? undefined;
}

/** Scrolls to the entry the URL's fragment names and highlights it, clearing a search that hides it. */
function showTarget(): void {
  const target = targetOfHash();
  if (!target?.classList.contains('ec-entry')) return;
  const index = entries.indexOf(target);
  if (!shown[index] && search) {
    search.value = '';
    applySearch('');
  }
  highlighted?.classList.remove('ec-highlight', 'ec-flash');
  highlighted = target;
  target.classList.add('ec-highlight', 'ec-flash');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  // Entries above the target may render taller than their placeholder size: align once more.
  requestAnimationFrame(() => target.scrollIntoView({ block: 'start' }));
}

function selectTab(tab: HTMLElement, focus: boolean): void {
  const list = tab.parentElement;
  if (!list) return;
  for (const other of list.querySelectorAll<HTMLElement>('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
    if (panel) panel.hidden = !selected;
  }
  if (focus) tab.focus();
}

function onTabKey(event: KeyboardEvent, tab: HTMLElement): void {
  const tabs = Array.from(tab.parentElement?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []);
  const at = tabs.indexOf(tab);
  const next =
    event.key === 'ArrowRight'
      ? tabs[(at + 1) % tabs.length]
      : event.key === 'ArrowLeft'
        ? tabs[(at - 1 + tabs.length) % tabs.length]
        : event.key === 'Home'
          ? tabs[0]
          : event.key === 'End'
            ? tabs[tabs.length - 1]
            : undefined;
  if (next) {
    event.preventDefault();
    selectTab(next, true);
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

if (search) {
  search.addEventListener('input', () => applySearch(search.value));
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      search.value = '';
      applySearch('');
    } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      focusEntry(visibleEntries()[0]);
    }
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    search.value = initial;
    applySearch(initial);
  }
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  if (event.key === '/' && !isTyping(target) && search) {
    event.preventDefault();
    search.focus();
    search.select();
    return;
  }
  if (target?.getAttribute('role') === 'tab') {
    onTabKey(event, target);
    return;
  }
  if (!target?.classList.contains('ec-entry')) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const visible = visibleEntries();
    const at = visible.indexOf(target);
    event.preventDefault();
    focusEntry(visible[event.key === 'ArrowDown' ? at + 1 : at - 1]);
  } else if (event.key === 'Escape' && search) {
    search.focus();
  }
});

document.addEventListener('click', (event) => {
  const tab = (event.target as HTMLElement | null)?.closest<HTMLElement>('[role="tab"]');
  if (tab) selectTab(tab, false);
});

// The sticky search bar is taller on a phone (it wraps): keep scroll targets clear of it.
const bar = document.querySelector<HTMLElement>('.ec-search');
function syncStickyHeight(): void {
  if (bar) document.documentElement.style.setProperty('--sticky', `${bar.offsetHeight}px`);
}
window.addEventListener('resize', syncStickyHeight);
syncStickyHeight();
window.addEventListener('hashchange', showTarget);
showTarget();
