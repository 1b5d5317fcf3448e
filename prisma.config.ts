import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI only (`prisma generate`; `prisma migrate deploy` on a normal machine).
// The app itself never reads this file: lib/db/prisma.ts builds the client from lib/env.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/waymark' },
});
