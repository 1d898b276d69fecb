/** The prototype of every inert record: empty, frozen, itself without a prototype. */
const INERT_PROTOTYPE: object = Object.freeze(Object.create(null));

/** Constructs inert records: objects whose only prototype is {@link INERT_PROTOTYPE}. */
const InertRecord = function InertRecord() {} as unknown as new () => Record<string, unknown>;
InertRecord.prototype = INERT_PROTOTYPE;

/**
 * A new empty object that behaves like `Object.create(null)` for the data put in it (no
 * `Object.prototype` methods, no `__proto__` accessor, so a `__proto__` key stays an ordinary
 * property) but that V8 keeps in fast mode: null-prototype objects are hash tables, about 200 ns
 * slower per error to fill, list and read. Its prototype is a frozen empty object, not `null`.
 *
 * @example
 * ```ts
 * const record = inertRecord();
 * record['__proto__'] = 'x'; // an own property
 * Object.keys(record); // ['__proto__']
 * ```
 */
export function inertRecord(): Record<string, unknown> {
  return new InertRecord();
}
