// `npm run screenshots` only: the docs' pictures, never part of `npm test` (vitest.config.ts).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["scripts/screenshots.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    hookTimeout: 120_000,
  },
});
