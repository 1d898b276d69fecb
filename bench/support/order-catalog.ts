import { defineCatalog } from 'errcat';

/**
 * The one-entry catalog the decode and HTTP benchmarks render their error from, so both move the
 * same body.
 *
 * @example
 * ```ts
 * const error = orderCatalog.ORDER_NOT_FOUND({ id: 'o-1' }); // 404, "Order 'o-1' not found"
 * ```
 */
export const orderCatalog = defineCatalog({
  domain: 'bench.example.com',
  docs: 'https://example.com/errors',
  errors: {
    ORDER_NOT_FOUND: {
      code: 4040,
      status: 404,
      title: 'Order not found',
      message: "Order '{id}' not found",
      details: { id: 'string' },
    },
  },
});
