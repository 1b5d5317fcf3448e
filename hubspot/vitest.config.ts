// Tests of the HubSpot project (the app card and the project's config files). Runs on its own
// (`npm test` inside hubspot/) and as the `card` project of the root `npm test`.
// A plain object instead of defineConfig so the file does not depend on which vitest loads it.
export default {
  test: {
    name: 'card',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
  },
};
