/**
 * One message a server sent, with the details that came with it, for {@link messageTemplate}.
 *
 * @example
 * ```ts
 * const sample: MessageSample = { message: "Instance 'order-1' not found", details: { instance_id: 'order-1' } };
 * ```
 */
export interface MessageSample {
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * A message template built from several messages, the parameters it names that no details field
 * explains (they become details fields of their own), and what each parameter stood for in the
 * first message (an example that renders it back).
 *
 * @example
 * ```ts
 * const built: MessageTemplate = { template: 'User {value} not found', unnamed: ['value'], values: { value: '42' } };
 * ```
 */
export interface MessageTemplate {
  readonly template: string;
  readonly unnamed: readonly string[];
  readonly values: Readonly<Record<string, string>>;
}

/** Longer messages are not aligned (the result would not be a template anyway); past this many distinct messages, the rest are not read. */
const MAX_TOKENS = 200;
const MAX_MESSAGES = 50;

/**
 * Escapes the characters a message template reads (`{`, `}`, `[`, `]`) by doubling them, so a
 * server's literal text stays literal.
 *
 * @example
 * ```ts
 * escapeTemplate('Cannot find [GET] /x'); // 'Cannot find [[GET]] /x'
 * ```
 */
export function escapeTemplate(text: string): string {
  return text.replace(/[{}[\]]/g, '$&$&');
}

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== '');
}

/** The longest common subsequence of two token lists. */
function lcs(a: readonly string[], b: readonly string[]): string[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i] === b[j]
          ? (table[(i + 1) * cols + j + 1] as number) + 1
          : Math.max(table[(i + 1) * cols + j] as number, table[i * cols + j + 1] as number);
    }
  }
  const common: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      common.push(a[i] as string);
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] as number) >= (table[i * cols + j + 1] as number)) i++;
    else j++;
  }
  return common;
}

/** The text of each gap around the anchors, for one message (anchors matched leftmost). */
function gaps(message: readonly string[], anchors: readonly string[]): string[] {
  const found: string[] = [];
  let at = 0;
  for (const anchor of anchors) {
    const next = message.indexOf(anchor, at);
    found.push(message.slice(at, next).join(''));
    at = next + 1;
  }
  found.push(message.slice(at).join(''));
  return found;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The longest prefix of punctuation (quotes, brackets, periods) that every value shares. */
function punctuationPrefix(values: readonly string[]): string {
  const first = values[0] ?? '';
  let length = 0;
  while (
    length < first.length &&
    !LETTER_OR_DIGIT.test(first[length] as string) &&
    values.every((value) => value[length] === first[length])
  )
    length++;
  return first.slice(0, length);
}

function punctuationSuffix(values: readonly string[]): string {
  const reversed = values.map((value) => [...value].reverse().join(''));
  return [...punctuationPrefix(reversed)].reverse().join('');
}

/** The details field whose value is the varying text in every sample, if one is. */
function namingField(samples: readonly MessageSample[], values: readonly string[]): string | undefined {
  const first = samples[0];
  if (first === undefined) return undefined;
  return Object.keys(first.details)
    .sort()
    .find((name) =>
      samples.every((sample, index) => {
        const value = sample.details[name];
        return (
          (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
          String(value) === values[index]
        );
      }),
    );
}

/**
 * Aligns the messages of one error token by token (words and the spaces between them): tokens
 * every message shares stay literal, and each run that differs becomes a parameter, named after
 * the details field whose value it is in every sample, else `{value}`, `{value2}`… Punctuation
 * around a run that every message shares (quotes, a final period) stays outside the parameter.
 * `undefined` when the messages share no word or are too long to align; only the first 50
 * distinct messages are read.
 *
 * @example
 * ```ts
 * messageTemplate([
 *   { message: "Instance 'order-1' not found", details: { instance_id: 'order-1' } },
 *   { message: "Instance 'b-2' not found", details: { instance_id: 'b-2' } },
 * ]); // { template: "Instance '{instance_id}' not found", unnamed: [], values: { instance_id: 'order-1' } }
 * ```
 */
export function messageTemplate(samples: readonly MessageSample[]): MessageTemplate | undefined {
  const seen = new Set<string>();
  const distinct: MessageSample[] = [];
  for (const sample of samples) {
    if (seen.has(sample.message) || distinct.length === MAX_MESSAGES) continue;
    seen.add(sample.message);
    distinct.push(sample);
  }
  const [first] = distinct;
  if (first === undefined) return undefined;
  if (distinct.length === 1) return { template: escapeTemplate(first.message), unnamed: [], values: {} };
  const split = distinct.map((sample) => tokens(sample.message));
  if (split.some((list) => list.length > MAX_TOKENS)) return undefined;
  const anchors = split.slice(1).reduce(lcs, split[0] as string[]);
  if (!anchors.some((token) => /\S/.test(token))) return undefined;
  const perMessage = split.map((list) => gaps(list, anchors));
  const unnamed: string[] = [];
  const values: Record<string, string> = {};
  let template = '';
  for (let gap = 0; gap <= anchors.length; gap++) {
    const texts = perMessage.map((list) => list[gap] as string);
    if (texts.some((text) => text !== texts[0])) {
      const prefix = punctuationPrefix(texts);
      const suffix = punctuationSuffix(texts.map((text) => text.slice(prefix.length)));
      const inner = texts.map((text) => text.slice(prefix.length, text.length - suffix.length));
      let name = namingField(distinct, inner);
      if (name === undefined) {
        name = unnamed.length === 0 ? 'value' : `value${unnamed.length + 1}`;
        unnamed.push(name);
      }
      values[name] ??= inner[0] as string;
      template += `${escapeTemplate(prefix)}{${name}}${escapeTemplate(suffix)}`;
    } else template += escapeTemplate(texts[0] as string);
    if (gap < anchors.length) template += escapeTemplate(anchors[gap] as string);
  }
  return { template, unnamed, values };
}
