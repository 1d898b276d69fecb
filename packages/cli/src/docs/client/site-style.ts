/**
 * The stylesheet of the docs site, inlined into the page (no external requests). Light and dark
 * themes follow `prefers-color-scheme`; colours meet WCAG AA contrast in both.
 *
 * @example
 * ```ts
 * html`<style>${new SafeHtml(SITE_STYLE)}</style>`; // trusted CSS, allowed by the page's CSP hash
 * ```
 */
export const SITE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --surface: #f6f8fa;
  --link: #0550ae; --focus: #0969da; --mark-bg: #fff8c5; --mark-border: #9a6700;
  --ok-bg: #dafbe1; --ok-fg: #116329; --warn-bg: #fff1e5; --warn-fg: #953800;
  --bad-bg: #ffebe9; --bad-fg: #a40e26; --info-bg: #ddf4ff; --info-fg: #0550ae;
  --code-bg: #f6f8fa;
  --sticky: 3.75rem;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --surface: #151b23;
    --link: #4493f8; --focus: #4493f8; --mark-bg: #2e2a12; --mark-border: #d29922;
    --ok-bg: #12261e; --ok-fg: #3fb950; --warn-bg: #2d1d0e; --warn-fg: #f0883e;
    --bad-bg: #2d1214; --bad-fg: #ff7b72; --info-bg: #0c2d6b; --info-fg: #a5d6ff;
    --code-bg: #151b23;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { scroll-padding-top: calc(var(--sticky) + 0.5rem); }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
  -webkit-text-size-adjust: 100%;
}
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
code, pre, kbd { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.875em; }
code { background: var(--code-bg); border: 1px solid var(--border); border-radius: 4px; padding: 0.05em 0.3em; overflow-wrap: anywhere; }
pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.75rem 1rem; overflow-x: auto; line-height: 1.45; margin: 0.5rem 0; }
pre code { background: none; border: 0; padding: 0; font-size: 1em; overflow-wrap: normal; }
kbd { border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3em; background: var(--surface); }
.ec-skip { position: absolute; left: 0.5rem; top: -3rem; background: var(--bg); padding: 0.5rem 1rem; z-index: 10; border: 2px solid var(--focus); }
.ec-skip:focus { top: 0.5rem; }
.ec-banner { padding: 1.5rem 1rem 0.5rem; max-width: 78rem; margin: 0 auto; }
.ec-banner h1 { margin: 0 0 0.25rem; font-size: 1.9rem; line-height: 1.2; }
.ec-banner .ec-meta { color: var(--muted); margin: 0; }
.ec-search { position: sticky; top: 0; z-index: 5; background: var(--bg); border-bottom: 1px solid var(--border); }
.ec-search-inner { max-width: 78rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; }
.ec-search label { font-weight: 600; }
.ec-search input { flex: 1 1 16rem; min-width: 0; font: inherit; padding: 0.4rem 0.6rem; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; }
.ec-status { color: var(--muted); margin: 0; font-size: 0.9rem; flex-basis: 100%; }
.ec-layout { max-width: 78rem; margin: 0 auto; padding: 0 1rem 3rem; display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2rem; }
.ec-nav { position: sticky; top: calc(var(--sticky) + 1rem); align-self: start; max-height: calc(100vh - var(--sticky) - 2rem); overflow: auto; padding-top: 1rem; }
.ec-nav h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 0 0 0.5rem; }
.ec-nav ul { list-style: none; margin: 0; padding: 0; }
.ec-nav li { margin: 0.15rem 0; }
.ec-nav a { display: flex; justify-content: space-between; gap: 0.5rem; text-decoration: none; padding: 0.25rem 0.5rem; border-radius: 6px; }
.ec-nav a:hover { background: var(--surface); }
.ec-nav .ec-count { color: var(--muted); font-variant-numeric: tabular-nums; }
.ec-nav .ec-keys { margin-top: 1.5rem; color: var(--muted); font-size: 0.85rem; }
.ec-nav .ec-keys p { margin: 0.25rem 0; }
main { min-width: 0; padding-top: 0.5rem; }
main:focus { outline: none; }
.ec-intro h2, .ec-group > h2 { font-size: 1.5rem; margin: 2rem 0 0.5rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
.ec-range { color: var(--muted); font-weight: 400; font-size: 0.95rem; }
.ec-index { margin: 0.75rem 0 1.5rem; }
.ec-index summary { cursor: pointer; color: var(--link); }
.ec-table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--border); vertical-align: top; }
th { background: var(--surface); font-weight: 600; }
.ec-entry {
  border: 1px solid var(--border); border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0;
  content-visibility: auto; contain-intrinsic-size: auto 32rem;
}
.ec-entry:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.ec-entry:target, .ec-entry.ec-highlight { border-color: var(--mark-border); box-shadow: 0 0 0 3px var(--mark-border); background: var(--mark-bg); }
.ec-entry.ec-flash { animation: ec-flash 1.6s ease-out 1; }
@keyframes ec-flash { from { box-shadow: 0 0 0 8px var(--mark-border); } }
@media (prefers-reduced-motion: reduce) { .ec-entry.ec-flash { animation: none; } }
.ec-entry h3 { margin: 0; font-size: 1.2rem; line-height: 1.35; display: flex; flex-wrap: wrap; gap: 0.25rem 0.6rem; align-items: baseline; }
.ec-code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-weight: 700; text-decoration: none; }
.ec-code:hover { text-decoration: underline; }
.ec-badges { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.5rem 0 0.25rem; padding: 0; list-style: none; }
.ec-badge { font-size: 0.8rem; font-weight: 600; border-radius: 999px; padding: 0.1rem 0.6rem; border: 1px solid currentColor; background: var(--surface); color: var(--muted); }
.ec-badge.ec-s4 { background: var(--warn-bg); color: var(--warn-fg); }
.ec-badge.ec-s5 { background: var(--bad-bg); color: var(--bad-fg); }
.ec-badge.ec-yes { background: var(--ok-bg); color: var(--ok-fg); }
.ec-badge.ec-info { background: var(--info-bg); color: var(--info-fg); }
.ec-badge.ec-dep { background: var(--bad-bg); color: var(--bad-fg); }
.ec-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.3rem 1rem; margin: 0.75rem 0; }
.ec-facts dt { font-weight: 600; color: var(--muted); }
.ec-facts dd { margin: 0; }
.ec-entry h4 { font-size: 0.95rem; margin: 1rem 0 0.35rem; }
.ec-entry ul { margin: 0.25rem 0; padding-left: 1.25rem; }
.ec-entry .ec-badges { padding: 0; }
td code { overflow-wrap: normal; white-space: nowrap; }
.ec-entry p { margin: 0.4rem 0; }
.ec-internal { color: var(--muted); }
.ec-deprecated { border-left: 4px solid var(--bad-fg); padding: 0.25rem 0.75rem; background: var(--bad-bg); }
.ec-tabs [role="tablist"] { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 1px solid var(--border); margin-top: 0.25rem; }
.ec-tabs [role="tab"] {
  font: inherit; font-size: 0.85rem; padding: 0.3rem 0.7rem; border: 1px solid transparent; border-bottom: 0;
  border-radius: 6px 6px 0 0; background: none; color: var(--link); cursor: pointer; margin-bottom: -1px;
}
.ec-tabs [role="tab"][aria-selected="true"] { border-color: var(--border); background: var(--bg); color: var(--fg); font-weight: 600; }
.ec-tabs [role="tabpanel"] pre { margin-top: 0; border-top-left-radius: 0; }
.ec-profile-label { font-size: 0.85rem; color: var(--muted); margin: 0.25rem 0 0; }
.ec-empty { font-size: 1.1rem; padding: 2rem 1rem; text-align: center; color: var(--muted); border: 1px dashed var(--border); border-radius: 8px; margin-top: 1.5rem; }
.ec-more[hidden] { display: none; }
.ec-more { display: block; margin: 1rem auto; font: inherit; padding: 0.5rem 1rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface); color: var(--fg); cursor: pointer; }
.ec-searching .ec-intro, .ec-searching .ec-index, .ec-searching .ec-group-description { display: none; }
.ec-error-page { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
.ec-error-page pre { white-space: pre-wrap; border-color: var(--bad-fg); }
footer { color: var(--muted); font-size: 0.85rem; text-align: center; padding: 2rem 1rem; border-top: 1px solid var(--border); }
@media (max-width: 56rem) {
  .ec-layout { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .ec-nav { position: static; max-height: none; overflow: visible; }
  .ec-nav .ec-keys { display: none; }
  .ec-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; }
  .ec-nav a { border: 1px solid var(--border); }
  .ec-entry { padding: 0.75rem; }
  .ec-facts { grid-template-columns: minmax(0, 1fr); gap: 0 0; }
  .ec-facts dd { margin-bottom: 0.4rem; }
  .ec-banner h1 { font-size: 1.5rem; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --border: #999; --surface: #fff; --code-bg: #fff; --link: #000; }
  .ec-skip, .ec-search, .ec-nav, .ec-anchor, .ec-more, .ec-empty, [role="tablist"] { display: none !important; }
  .ec-layout { display: block; padding: 0; }
  .ec-entry { content-visibility: visible; break-inside: avoid-page; border-color: #999; box-shadow: none !important; background: none !important; }
  .ec-entry[hidden], .ec-group[hidden] { display: block; }
  .ec-index::details-content { content-visibility: visible; display: block; }
  .ec-profile-label.ec-print-only { display: block; }
  pre { white-space: pre-wrap; break-inside: avoid; }
  a { text-decoration: none; }
  h2, h3, h4 { break-after: avoid-page; }
}
.ec-print-only { display: none; }
`;
