// koa, restify and restify-errors ship no types and the corpus needs only a few of their calls:
// declaring the modules untyped keeps their @types packages out of the dev dependencies.
declare module 'koa';
declare module 'restify';
declare module 'restify-errors';
