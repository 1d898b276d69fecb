import { defineCatalog } from 'errcat';

/**
 * The catalog the server tests throw from: one entry per behaviour the responder must get right
 * (details, translations, WWW-Authenticate, Retry-After, expose: false with internal fields, role
 * takeovers for INTERNAL_ERROR and VALIDATION_FAILED).
 */
export const shopCatalog = defineCatalog({
  domain: 'shop.example.com',
  docs: 'https://shop.example.com/errors',
  errors: {
    ORDER_NOT_FOUND: {
      code: 4040,
      status: 404,
      title: 'Order not found',
      message: "Order '{id}' not found",
      details: { id: 'string' },
      messages: { de: "Bestellung '{id}' nicht gefunden" },
      titles: { de: 'Bestellung nicht gefunden' },
    },
    LOGIN_REQUIRED: {
      code: 4010,
      status: 401,
      title: 'Login required',
      message: 'Sign in first',
      headers: { 'WWW-Authenticate': 'Bearer realm="shop"' },
    },
    SLOW_DOWN: { code: 4290, status: 429, title: 'Slow down', message: 'Too many orders', retryAfter: 30 },
    PAYMENT_DECLINED: {
      code: 4020,
      status: 402,
      title: 'Payment declined',
      message: 'Card {card} declined: {reason}',
      expose: false,
      details: {
        card: { type: 'string', internal: true },
        reason: { type: 'string', internal: true },
      },
    },
    INVALID_ORDER: {
      code: 4220,
      status: 422,
      title: 'Invalid order',
      message: 'The order is invalid',
      role: 'VALIDATION_FAILED',
      details: { errors: 'array' },
    },
    SHOP_DOWN: { code: 5030, status: 503, title: 'Shop down', message: 'The shop is down', retryAfter: 5 },
    SERVER_ERROR: {
      code: 5000,
      status: 500,
      title: 'Server error',
      message: 'Something went wrong on our side',
      expose: true,
      role: 'INTERNAL_ERROR',
    },
    QUERY_FAILED: {
      code: 5001,
      status: 500,
      title: 'Query failed',
      message: 'Query {sql} failed',
      details: { sql: { type: 'string', internal: true } },
    },
  },
});
