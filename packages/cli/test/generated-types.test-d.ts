// Type tests for `errcat types`: a YAML catalog with its generated declarations is typed exactly
// like one written with defineCatalog. `npm test` compiles this file.
import { parseCatalog } from 'errcat';
import type { PromisesError, PromisesKey, PromisesSpec } from './fixtures/promises.generated.js';

declare const data: unknown;
const catalog = parseCatalog<PromisesSpec>(data);

catalog.PROMISE_NOT_FOUND({ id: 'p1' });
// @ts-expect-error a missing parameter
catalog.PROMISE_NOT_FOUND({});
// @ts-expect-error a misspelled parameter
catalog.PROMISE_NOT_FOUND({ idd: 'p1' });
catalog.LIMIT_OUT_OF_RANGE({ limit: 1, max: 10 });
catalog.LIMIT_OUT_OF_RANGE({ limit: 1, max: 10, strict: true });
// @ts-expect-error an integer field takes a number
catalog.LIMIT_OUT_OF_RANGE({ limit: '1', max: 10 });
catalog.SHUTTING_DOWN();

const key: PromisesKey = 'SHUTTING_DOWN';
// @ts-expect-error not a key of the catalog
const wrong: PromisesKey = 'NOPE';
declare const error: unknown;
if (catalog.is(error, 'PROMISE_NOT_FOUND')) {
  const typed: PromisesError<'PROMISE_NOT_FOUND'> = error;
  const id: string = typed.details.id;
  void id;
}
void [key, wrong];
