import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Real SQLite files and real HTTP fakes: give slow shared machines room, never rely on timing.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
