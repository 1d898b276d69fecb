/**
 * A tagged template for HTML in which every interpolated value is escaped unless it is already
 * {@link SafeHtml}: catalog text is author input, so the safe path is the default one.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * HTML that is known to be safe: built by {@link html} or by a trusted renderer.
 *
 * @example
 * ```ts
 * const fragment = html`<p>${userText}</p>`; // a SafeHtml
 * ```
 */
export class SafeHtml {
  /** The markup. */
  readonly value: string;
  /** Wraps markup that the caller vouches for. */
  constructor(value: string) {
    this.value = value;
  }
  /** The markup, so a SafeHtml can be written out directly. */
  toString(): string {
    return this.value;
  }
}

/**
 * What {@link html} accepts: nothing (`undefined`, `null`, `false`) renders as empty.
 *
 * @example
 * ```ts
 * const parts: HtmlValue[] = ['text', 42, undefined, html`<b>bold</b>`];
 * ```
 */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/**
 * Escapes the five HTML-significant characters, for text and quoted attribute values alike.
 *
 * @example
 * ```ts
 * escapeHtml('<img onerror="x">'); // '&lt;img onerror=&quot;x&quot;&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function stringify(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(stringify).join('');
  return escapeHtml(String(value));
}

/**
 * Builds HTML, escaping every interpolated string. Arrays are concatenated, so lists map directly.
 * Attribute values must be quoted in the template.
 *
 * @example
 * ```ts
 * html`<ul>${causes.map((cause) => html`<li>${cause}</li>`)}</ul>`;
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += stringify(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}
