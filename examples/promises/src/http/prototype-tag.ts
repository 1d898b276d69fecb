import { validationFailed } from 'errcat/validation';
import type { PromisesCatalog } from '../catalog/promises-catalog.js';

/**
 * Refuses a create whose `tags` hold a member named `__proto__` with a 4000 violation at
 * `/tags/__proto__`. JSON gives such a member to the object as its own, but schema libraries
 * (Zod among them) drop it rather than set a prototype, so without this the tag would vanish
 * from the stored promise without a word.
 *
 * @example
 * ```ts
 * refusePrototypeTag(JSON.parse('{"tags":{"__proto__":"x"}}'), catalog); // throws 4000
 * ```
 */
export function refusePrototypeTag(body: unknown, catalog: PromisesCatalog): void {
  const tags = (body as { tags?: unknown } | null | undefined)?.tags;
  if (typeof tags !== 'object' || tags === null || !Object.hasOwn(tags, '__proto__')) return;
  throw validationFailed(
    [
      {
        in: 'body',
        pointer: '/tags/__proto__',
        type: 'invalid',
        message: 'a tag may not be named __proto__',
      },
    ],
    { catalog },
  );
}
