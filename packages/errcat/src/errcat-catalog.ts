import type { Catalog } from './catalog-types.js';
import { errcatClientCategories, errcatClientSpec } from './errcat-client-errors.js';
import { buildCatalog } from './internal/build-catalog.js';

/**
 * errcat's own errors: what it throws when it is misused (an invalid catalog, an unknown key, a file
 * that cannot be loaded). errcat eats its own cooking, so these are catalog errors too.
 */
const errcatSpec = {
  domain: 'errcat.dev',
  name: 'errcat',
  description: 'Errors that errcat itself raises when a catalog, an argument or an input is wrong.',
  categories: {
    catalog: { title: 'Catalog errors', description: 'A catalog is malformed or cannot be loaded.' },
    ...errcatClientCategories,
  },
  errors: {
    ERRCAT_INVALID_CATALOG: {
      code: 'ERRCAT_INVALID_CATALOG',
      category: 'catalog',
      title: 'Invalid catalog',
      message: "Invalid catalog '{domain}': {summary}",
      details: {
        domain: { type: 'string', description: 'The catalog domain, or `unknown`.' },
        summary: { type: 'string', description: 'The first problem and how many more there are.' },
        problems: { type: 'array', description: 'Every problem, as `{ path, message }`.' },
      },
      causes: [
        'A field has the wrong type or value',
        'Two entries share a key or code',
        'A message names an undeclared parameter',
      ],
      resolution: 'Fix each problem listed in `details.problems`; `errcat lint` prints them all.',
    },
    ERRCAT_UNKNOWN_ENTRY: {
      code: 'ERRCAT_UNKNOWN_ENTRY',
      category: 'usage',
      title: 'Unknown entry',
      message: "Catalog '{domain}' has no entry '{entry}'[; did you mean {suggestions}?]",
      details: { domain: 'string', entry: 'string', suggestions: 'string?' },
      causes: ['A misspelled key or code', 'An entry that was removed or renamed'],
      resolution: 'Use a key or code that the catalog declares; `errcat explain` lists the nearest ones.',
    },
    ERRCAT_CATALOG_LOAD_FAILED: {
      code: 'ERRCAT_CATALOG_LOAD_FAILED',
      category: 'catalog',
      title: 'Catalog cannot be loaded',
      message: "Cannot load catalog '{path}': {reason}",
      details: { path: 'string', reason: 'string' },
      causes: ['The file does not exist', 'The file is not valid YAML, JSON or a module exporting a catalog'],
      resolution: 'Check the path and the syntax of the file.',
    },
    ERRCAT_IMPORT_FAILED: {
      code: 'ERRCAT_IMPORT_FAILED',
      category: 'catalog',
      title: 'Import source unusable',
      message: "Cannot import '{source}': {reason}",
      details: { source: 'string', reason: 'string' },
      causes: [
        'The file or directory cannot be read',
        'An OpenAPI document that does not validate',
        'A page or a set of responses in which no error code was found',
      ],
      resolution: 'Check the path and the content; `errcat import --help` lists the sources it reads.',
    },
    ...errcatClientSpec.errors,
    ERRCAT_UNKNOWN_PROFILE: {
      code: 'ERRCAT_UNKNOWN_PROFILE',
      category: 'usage',
      title: 'Unknown wire profile',
      expose: true,
      message: "No wire profile named '{profile}' (available: {available})",
      details: { profile: 'string', available: 'string' },
      causes: ['A misspelled profile name', 'A custom profile that was not passed to the lookup'],
      resolution: 'Use one of the names listed, or pass your own profile next to the built-in ones.',
    },
    ERRCAT_RESPONSE_MISMATCH: {
      code: 'ERRCAT_RESPONSE_MISMATCH',
      category: 'usage',
      title: 'Response does not conform',
      expose: true,
      message: "The response does not conform to '{entry}' in profile '{profile}': {summary}",
      details: {
        entry: {
          type: 'string',
          description: 'The key of the catalog entry the response was checked against.',
        },
        profile: { type: 'string', description: 'The wire profile the response was checked against.' },
        summary: { type: 'string', description: 'Every problem, joined with `; `.' },
        problems: { type: 'array', description: 'Every problem, one string each.' },
      },
      causes: [
        'The server sent another status, content type or code than the catalog declares',
        'A header the entry declares (Retry-After, WWW-Authenticate) is missing',
        'The details do not match the fields the entry declares, or leak an internal field',
      ],
      resolution: 'Fix the server (or the catalog) so the response matches; each problem names what differs.',
    },
    ERRCAT_STORE_NONCONFORMANT: {
      code: 'ERRCAT_STORE_NONCONFORMANT',
      category: 'usage',
      title: 'Store does not conform',
      expose: true,
      message: "The idempotency store fails the conformance case '{case}': {problem}",
      details: {
        case: { type: 'string', description: 'The name of the conformance case that failed.' },
        problem: { type: 'string', description: 'What the store did against what the contract requires.' },
      },
      causes: [
        'A claim that is not atomic: two concurrent claims of one key both succeed',
        'A lease or TTL that does not lapse, or a token that is not checked',
        'A stored response that does not come back byte for byte',
      ],
      resolution:
        'Fix the store so it keeps the IdempotencyStore contract; the problem names the broken rule.',
    },
  },
} as const;

/**
 * The catalog of errcat's own errors.
 *
 * @example
 * ```ts
 * import { errcatErrors } from 'errcat';
 * try { defineCatalog(spec); } catch (e) { if (errcatErrors.is(e, 'ERRCAT_INVALID_CATALOG')) console.log(e.details.problems); }
 * ```
 */
export const errcatErrors: Catalog<typeof errcatSpec> = buildCatalog(
  errcatSpec,
  (domain, entry) => new Error(`errcat: catalog '${domain}' has no entry '${entry}'`),
);
