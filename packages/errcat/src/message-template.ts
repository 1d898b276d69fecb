/**
 * Message templates: `"Function '{name}' (version {version}) is already registered[ under '{under}']"`.
 *
 * `{name}` is a parameter; `[ … ]` is an optional segment, rendered only when every parameter in it
 * has a value; `{{`, `}}`, `[[` and `]]` stand for the literal characters.
 */

type RemoveAll<S extends string, T extends string> = S extends `${infer A}${T}${infer B}`
  ? `${A}${RemoveAll<B, T>}`
  : S;
type WithoutEscapes<S extends string> = RemoveAll<RemoveAll<RemoveAll<RemoveAll<S, '{{'>, '}}'>, '[['>, ']]'>;
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;
type OptionalText<S extends string> = S extends `${string}[${infer Inner}]${infer Rest}`
  ? `${Inner} ${OptionalText<Rest>}`
  : '';
type RequiredText<S extends string> = S extends `${infer Head}[${string}]${infer Rest}`
  ? `${Head} ${RequiredText<Rest>}`
  : S;

/**
 * The names of the parameters a template always needs.
 *
 * @example
 * ```ts
 * type Required = RequiredParamNames<"Order '{id}' not found[ in {region}]">; // 'id'
 * ```
 */
export type RequiredParamNames<S extends string> = PlaceholdersIn<RequiredText<WithoutEscapes<S>>>;

/**
 * The names of every parameter a template mentions, required or optional.
 *
 * @example
 * ```ts
 * type All = ParamNames<"Order '{id}' not found[ in {region}]">; // 'id' | 'region'
 * ```
 */
export type ParamNames<S extends string> =
  | RequiredParamNames<S>
  | PlaceholdersIn<OptionalText<WithoutEscapes<S>>>;

/**
 * A value that may fill a template parameter.
 *
 * @example
 * ```ts
 * const value: TemplateValue = 42;
 * ```
 */
export type TemplateValue = string | number | boolean | bigint;

/**
 * The parameters object a template needs, inferred from its text.
 *
 * @example
 * ```ts
 * type P = TemplateParams<"Function '{name}' is registered[ under '{under}']">;
 * // { name: TemplateValue; under?: TemplateValue }
 * ```
 */
export type TemplateParams<S extends string> = string extends S
  ? Record<string, unknown>
  : { [K in RequiredParamNames<S>]: TemplateValue } & {
      [K in Exclude<ParamNames<S>, RequiredParamNames<S>>]?: TemplateValue;
    };

/** One piece of a compiled template. */
type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'optional'; readonly parts: readonly Part[]; readonly names: readonly string[] };

/**
 * A template parsed once, ready to render many times.
 *
 * @example
 * ```ts
 * const result = compileTemplate('Slow down[ for {seconds}s]');
 * if (result.ok) result.template.optional; // ['seconds']
 * ```
 */
export interface CompiledTemplate {
  /** The template as written. */
  readonly source: string;
  /** Parameters outside optional segments. */
  readonly required: readonly string[];
  /** Parameters that appear only inside optional segments. */
  readonly optional: readonly string[];
  /** Renders the template with the given values. */
  readonly render: (values: Readonly<Record<string, unknown>> | undefined) => string;
}

/**
 * The outcome of {@link compileTemplate}: a compiled template or the reason it is malformed.
 *
 * @example
 * ```ts
 * const result: CompileResult = compileTemplate('Order {id');
 * if (!result.ok) console.error(result.problem); // "unclosed '{' at position 6"
 * ```
 */
export type CompileResult =
  | { readonly ok: true; readonly template: CompiledTemplate }
  | { readonly ok: false; readonly problem: string };

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses a message template once so that rendering it is cheap.
 *
 * @example
 * ```ts
 * const result = compileTemplate("Dependency '{name}' is not registered");
 * if (result.ok) result.template.render({ name: 'db' }); // "Dependency 'db' is not registered"
 * ```
 */
export function compileTemplate(source: string): CompileResult {
  const top: Part[] = [];
  let segment: Part[] | undefined;
  let segmentNames: string[] = [];
  const required = new Set<string>();
  const optional = new Set<string>();
  let text = '';
  const flushText = (): void => {
    if (text === '') return;
    (segment ?? top).push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    const next = source[i + 1];
    if ((char === '{' || char === '}' || char === '[' || char === ']') && next === char) {
      text += char;
      i++;
      continue;
    }
    if (char === '{') {
      const end = source.indexOf('}', i + 1);
      if (end === -1) return { ok: false, problem: `unclosed '{' at position ${i}` };
      const name = source.slice(i + 1, end);
      if (!PARAM_NAME.test(name)) {
        return { ok: false, problem: `malformed parameter name '{${name}}' at position ${i}` };
      }
      flushText();
      (segment ?? top).push({ kind: 'param', name });
      if (segment) segmentNames.push(name);
      else required.add(name);
      i = end;
    } else if (char === '}') {
      return { ok: false, problem: `unmatched '}' at position ${i} (write '}}' for a literal brace)` };
    } else if (char === '[') {
      if (segment) return { ok: false, problem: `nested optional segment at position ${i}` };
      flushText();
      segment = [];
      segmentNames = [];
    } else if (char === ']') {
      if (!segment) {
        return { ok: false, problem: `unmatched ']' at position ${i} (write ']]' for a literal bracket)` };
      }
      flushText();
      for (const name of segmentNames) optional.add(name);
      top.push({ kind: 'optional', parts: segment, names: segmentNames });
      segment = undefined;
    } else {
      text += char;
    }
  }
  if (segment) return { ok: false, problem: 'unclosed optional segment' };
  flushText();
  for (const name of required) optional.delete(name);
  return {
    ok: true,
    template: {
      source,
      required: [...required],
      optional: [...optional],
      render: makeRenderer(top),
    },
  };
}

function makeRenderer(parts: readonly Part[]): CompiledTemplate['render'] {
  const first = parts[0];
  if (parts.length === 0) return () => '';
  if (parts.length === 1 && first?.kind === 'text') {
    const constant = first.text;
    return () => constant;
  }
  return (values) => renderParts(parts, values);
}

function renderParts(parts: readonly Part[], values: Readonly<Record<string, unknown>> | undefined): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'param') out += formatValue(values?.[part.name], part.name);
    else if (part.names.every((name) => values?.[name] !== undefined && values[name] !== null)) {
      out += renderParts(part.parts, values);
    }
  }
  return out;
}

/**
 * Formats one parameter value; a missing value shows its placeholder so the gap is visible.
 *
 * @example
 * ```ts
 * formatValue(42, 'id'); // '42'
 * formatValue(undefined, 'id'); // '{id}'
 * ```
 */
export function formatValue(value: unknown, name: string): string {
  if (value === undefined || value === null) return `{${name}}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return '[unserializable]';
    }
  }
  return String(value);
}
