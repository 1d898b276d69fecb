import type { ErrorView } from 'errcat';
import type { ExampleSource } from './render-example.js';
import type { SiteData, SiteEntry } from './site-data.js';

/**
 * Rebuilds an entry's example source in the page: the members the page data leaves out of the
 * example (status, code, title, docs… which the entry holds once) are put back, so each profile
 * renders exactly what the generator's `describeError` view would give it.
 *
 * @example
 * ```ts
 * const source = siteExampleSource(entry, data);
 * if (source) renderExample(source, googleProfile);
 * ```
 */
export function siteExampleSource(entry: SiteEntry, data: SiteData): ExampleSource | undefined {
  if (!entry.example || entry.status === undefined) return undefined;
  const view = {
    status: entry.status,
    domain: data.domain,
    key: entry.key,
    code: entry.code,
    title: entry.title,
    retryable: entry.retryable === true,
    retryAfter: entry.retryAfter,
    docs: entry.docs,
    requestId: data.requestId,
    corrId: data.requestId,
    ...entry.example.view,
  } as ErrorView;
  return { view, headers: entry.example.headers ?? {} };
}
