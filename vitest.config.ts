import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources through errcat's private `@errcat/source` export condition (a
// private name, so a consumer's own `source` condition never loads errcat's `.ts`): no build step.
const SOURCE = '@errcat/source';

export default defineConfig({
  resolve: { conditions: [SOURCE, ...defaultClientConditions] },
  // `module` is a bundler-only condition that Node never applies; some packages (OpenTelemetry) point
  // it at ESM builds with extensionless imports that only bundlers can load.
  ssr: {
    resolve: { conditions: [SOURCE, ...defaultServerConditions.filter((name) => name !== 'module')] },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'test/**/*.test.ts',
      'examples/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
