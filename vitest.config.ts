import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,db,services,web,cli,electron,renderer,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
