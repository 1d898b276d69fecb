import { type CompiledTemplate, formatValue } from '../../message-template.js';

/** A parameter as `compileTemplate` reads one; `split` puts its name at every odd index. */
const PARAMETER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/;
/** What only the full template syntax gives meaning to: optional segments and escaped braces. */
const FULL_SYNTAX = /[{}[\]]/;

/**
 * Compiles a template made only of text and `{name}` parameters, as `compileTemplate` compiles it
 * (a test holds the two equal), without the full compiler: the client's five messages need no
 * more, and a browser bundle of `errcat/client` then carries no template parser. A template that
 * uses more of the syntax (`[optional]`, `{{`) throws.
 *
 * @example
 * ```ts
 * compilePlainTemplate('{method} {url} was aborted').render({ method: 'GET', url: '/o' }); // 'GET /o was aborted'
 * ```
 */
export function compilePlainTemplate(source: string): CompiledTemplate {
  const pieces = source.split(PARAMETER);
  const names = pieces.filter((_, index) => index % 2 === 1);
  if (pieces.some((piece, index) => index % 2 === 0 && FULL_SYNTAX.test(piece))) {
    throw new TypeError(`errcat: '${source}' is not a template of plain parameters`);
  }
  return {
    source,
    required: [...new Set(names)],
    optional: [],
    render: (values) =>
      pieces.map((piece, index) => (index % 2 === 0 ? piece : formatValue(values?.[piece], piece))).join(''),
  };
}
