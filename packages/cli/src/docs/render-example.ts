import type { ErrorView, WireProfile } from 'errcat';

/**
 * What an example response is made from: the sanitised view of the example error (what every
 * profile reads) and the headers the error asks for. It is plain JSON, so the page can carry it
 * and render any profile's example in the browser with the same code the server runs.
 *
 * @example
 * ```ts
 * const source: ExampleSource = { view: describeError(error, { requestId: 'req-1' }), headers: error.headers };
 * ```
 */
export interface ExampleSource {
  /** The error view, as `describeError` returns it (internal details already removed). */
  readonly view: ErrorView;
  /** The error's own headers (`retry-after`, `www-authenticate`…), lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * An example response in one wire profile.
 *
 * @example
 * ```ts
 * const { status, headers, body }: DocsExample = renderExample(source, problemProfile);
 * ```
 */
export interface DocsExample {
  /** The profile's name. */
  readonly profile: string;
  /** The HTTP status the profile sends. */
  readonly status: number;
  /** The response headers, lower-case names, `content-type` first. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, pretty-printed JSON. */
  readonly body: string;
}

/**
 * Renders an example response the way `renderError` does (the profile's status and body, the
 * content type and the error's headers), with the body pretty-printed. It runs in Node for the
 * Markdown page and in the browser for the site's tabs.
 *
 * @example
 * ```ts
 * renderExample(source, googleProfile).body; // '{\n  "error": {\n    "code": 404, …'
 * ```
 */
export function renderExample(source: ExampleSource, profile: WireProfile): DocsExample {
  let body: string;
  try {
    body = JSON.stringify(profile.body(source.view), null, 2) ?? 'null';
  } catch {
    body = '(this profile cannot render the example)';
  }
  return {
    profile: profile.name,
    status: profile.status?.(source.view) ?? source.view.status,
    headers: { 'content-type': profile.contentType, ...source.headers },
    body,
  };
}

/**
 * The example as HTTP text: status line, headers, blank line, body.
 *
 * @example
 * ```ts
 * exampleText(example, 'Not Found'); // 'HTTP/1.1 404 Not Found\ncontent-type: …\n\n{…}'
 * ```
 */
export function exampleText(example: DocsExample, statusText: string): string {
  const headers = Object.entries(example.headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${example.status}${statusText ? ` ${statusText}` : ''}\n${headers.join('\n')}\n\n${example.body}`;
}
