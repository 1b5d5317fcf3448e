/**
 * Vitest global setup: one embedded PostgreSQL cluster per test run (or the server named by
 * TEST_DATABASE_ADMIN_URL), and a template database with every migration applied. Each test
 * file then clones the template (tests/helpers/test-database.ts), so files run in parallel
 * without sharing state.
 */
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migrate } from '../../lib/db/migrator';
import { startScratchCluster } from '../helpers/scratch-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

const TEMPLATE = 'waymark_template';

export default async function setup(project: TestProject) {
  const { adminUrl, stop } = await startScratchCluster(process.env.TEST_DATABASE_ADMIN_URL, 'test');

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  await migrate(templateUrl.toString());

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE);
  return stop;
}
