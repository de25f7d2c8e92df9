import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration into db/migrations after a
// schema change; commit it. Start-up applies every migration not yet applied.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
