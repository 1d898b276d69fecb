/** A status a code may stand for: an HTTP error status. */
function errorStatus(value: number): number | undefined {
  return value >= 400 && value <= 599 ? value : undefined;
}

/**
 * The HTTP status a code seems to embed, for codes built on one: `404` itself, the legacy style
 * `4040` (its first three digits) and prefixed or suffixed codes such as `AUTH-401` or `E404`.
 * `undefined` for other codes (`1100`, `'100.40400'`, `INSTANCE_NOT_FOUND`). A guess: the caller
 * records it as one.
 *
 * @example
 * ```ts
 * statusFromCode(4031); // 403
 * statusFromCode('TOOLIMITED-429'); // 429
 * statusFromCode(1100); // undefined
 * ```
 */
export function statusFromCode(code: string | number): number | undefined {
  const text = String(code);
  if (/^\d{3}$/.test(text)) return errorStatus(Number(text));
  if (/^\d{4}$/.test(text)) return errorStatus(Number(text.slice(0, 3)));
  const embedded = /^[A-Za-z]+[-_]?(\d{3})$/.exec(text) ?? /^(\d{3})[-_][A-Za-z]+$/.exec(text);
  return embedded ? errorStatus(Number(embedded[1])) : undefined;
}

/** Words of a code or title, and the status they usually mean; the first that matches wins. */
const STATUS_WORDS: readonly [RegExp, number][] = [
  [/\bNOT[ _]FOUND\b/, 404],
  [/\b(?:ALREADY[ _])?EXISTS?\b|\bDUPLICATE|\bCONFLICT/, 409],
  [/\bUNAUTHORI[SZ]ED\b|\bUNAUTHENTICATED\b|\bAUTH(?:ENTICATION)?[ _]FAILED\b|\bCREDENTIALS\b/, 401],
  [/\bFORBIDDEN\b|\bPERMISSION\b/, 403],
  [/\bRATE[ _]LIMIT|\bTOO[ _]MANY\b|\bLIMIT[ _]EXCEEDED\b/, 429],
  [/\bTIME[ _]?OUT\b/, 504],
  [/\bUNAVAILABLE\b|\bSHUTTING[ _]DOWN\b/, 503],
  [/\bINTERNAL\b|\bUNEXPECTED\b|\bIO[ _]ERROR\b/, 500],
  [
    /\bBAD[ _]REQUEST\b|\bINVALID\b|\bMALFORMED\b|\bUNSUPPORTED\b|\bUNKNOWN\b|\bVALIDATION\b|\bGUARD[ _]FAILED\b/,
    400,
  ],
];

/**
 * The HTTP status that the words of a code or title usually mean (`MACHINE_NOT_FOUND` → 404,
 * `RATE_LIMITED` → 429), for sources that state codes but no statuses. A guess.
 *
 * @example
 * ```ts
 * statusFromWords('INSTANCE_EXISTS'); // 409
 * statusFromWords('PANIC'); // undefined
 * ```
 */
export function statusFromWords(text: string): number | undefined {
  const upper = text.toUpperCase();
  return STATUS_WORDS.find(([words]) => words.test(upper))?.[1];
}
