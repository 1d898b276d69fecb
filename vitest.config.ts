import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript source through the `source` export condition: no build step.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // `module` is a bundler-only condition that Node never applies; some packages (OpenTelemetry) point
  // it at ESM builds with extensionless imports that only bundlers can load.
  ssr: {
    resolve: { conditions: ['source', ...defaultServerConditions.filter((name) => name !== 'module')] },
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
