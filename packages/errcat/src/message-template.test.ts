import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileTemplate } from './message-template.js';

function compile(source: string) {
  const result = compileTemplate(source);
  if (!result.ok) throw new Error(result.problem);
  return result.template;
}

describe('compileTemplate', () => {
  test('fills parameters and keeps text around them', () => {
    const template = compile("Function '{name}' (version {version}) is not registered. Will drop.");
    expect(template.required).toEqual(['name', 'version']);
    expect(template.render({ name: 'f', version: 2 })).toBe(
      "Function 'f' (version 2) is not registered. Will drop.",
    );
  });

  test('renders an optional segment only when all its parameters have values', () => {
    const template = compile("Function '{name}' (version {version}) is already registered[ under '{under}']");
    expect(template.optional).toEqual(['under']);
    expect(template.render({ name: 'f', version: 1 })).toBe("Function 'f' (version 1) is already registered");
    expect(template.render({ name: 'f', version: 1, under: 'g' })).toBe(
      "Function 'f' (version 1) is already registered under 'g'",
    );
    expect(template.render({ name: 'f', version: 1, under: null })).toBe(
      "Function 'f' (version 1) is already registered",
    );
  });

  test('a parameter used both inside and outside a segment is required', () => {
    const template = compile('{a}[ and {a} again]');
    expect(template.required).toEqual(['a']);
    expect(template.optional).toEqual([]);
  });

  test('doubled braces and brackets are literal characters', () => {
    const template = compile('limit must be in [[1, 1000]], got {{x}} = {x}');
    expect(template.required).toEqual(['x']);
    expect(template.render({ x: 5 })).toBe('limit must be in [1, 1000], got {x} = 5');
  });

  test('a missing value shows its placeholder; objects render as JSON', () => {
    const template = compile('{a} / {b}');
    expect(template.render({ b: { k: 1 } })).toBe('{a} / {"k":1}');
    expect(template.render(undefined)).toBe('{a} / {b}');
  });

  test('constant templates render the same string', () => {
    expect(compile('The system is shutting down.').render({})).toBe('The system is shutting down.');
  });

  test.each([
    ['{unclosed', "unclosed '{'"],
    ['stray }', "unmatched '}'"],
    ['{bad name}', 'malformed parameter name'],
    ['{}', 'malformed parameter name'],
    ['{1x}', 'malformed parameter name'],
    ['[a [b]]', 'nested optional segment'],
    ['[open', 'unclosed optional segment'],
    ['close]', "unmatched ']'"],
  ])('rejects %j', (source, problem) => {
    const result = compileTemplate(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(problem);
  });

  test('never throws, and a compiled template always renders a string (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.dictionary(fc.string(), fc.anything()),
        (source, values) => {
          const result = compileTemplate(source);
          if (result.ok) expect(typeof result.template.render(values)).toBe('string');
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('text without special characters renders to itself (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[{}[\]]/.test(s)),
        (text) => {
          expect(compile(text || 'x').render({})).toBe(text || 'x');
        },
      ),
    );
  });
});
