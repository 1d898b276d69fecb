/** Language ranges read from one header at most; the rest is ignored, so a huge header costs little. */
const MAX_RANGES = 16;
/** A language range of RFC 4647 basic filtering: `*` or letters and digits in hyphen-joined subtags. */
const LANGUAGE_RANGE = /^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/;
const QUALITY = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/**
 * Parses an `Accept-Language` header into language tags, best first. Ranges with `q=0`, the `*`
 * range and malformed ranges are dropped; a regional tag is followed by its primary language when
 * the header does not list that itself (RFC 4647 lookup: `de-CH` → `de-CH`, `de`), so a catalog
 * translated to `de` still serves a Swiss client.
 *
 * @example
 * ```ts
 * parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5'); // ['fr-CH', 'fr', 'en']
 * parseAcceptLanguage('de-AT, en;q=0.5'); // ['de-AT', 'de', 'en']
 * ```
 */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (header === undefined || header === '') return [];
  const ranges: { tag: string; quality: number; order: number }[] = [];
  const parts = header.split(',', MAX_RANGES);
  for (let order = 0; order < parts.length; order++) {
    const [rawTag = '', ...params] = (parts[order] as string).split(';');
    const tag = rawTag.trim();
    if (!LANGUAGE_RANGE.test(tag) || tag === '*') continue;
    let quality = 1;
    for (const param of params) {
      const trimmed = param.trim();
      if (QUALITY.test(trimmed)) quality = Number(trimmed.slice(2));
    }
    if (quality > 0) ranges.push({ tag, quality, order });
  }
  ranges.sort((a, b) => b.quality - a.quality || a.order - b.order);
  const listed = new Set(ranges.map((range) => range.tag.toLowerCase()));
  const tags: string[] = [];
  const seen = new Set<string>();
  const add = (tag: string): void => {
    const key = tag.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  };
  for (const { tag } of ranges) {
    add(tag);
    // RFC 4647 lookup: fall back from `de-CH` to `de` before the next range, unless the header
    // lists `de` itself, in which case it keeps its own place.
    const dash = tag.indexOf('-');
    if (dash > 0 && !listed.has(tag.slice(0, dash).toLowerCase())) add(tag.slice(0, dash));
  }
  return tags;
}
