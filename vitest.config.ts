import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'test/**/*.test.ts', 'bot/**/*.test.ts', 'addin/**/*.test.ts', 'cli/**/*.test.ts', 'workbook/**/*.test.ts', 'manifest/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: { TZ: 'Europe/London' },
  },
});
