// vitest globalSetup: one PostgreSQL cluster for the run; each test file makes its own
// database in it (test/countyDb.ts), so files run in parallel without sharing rows.
import type { TestProject } from 'vitest/node';
import { startCluster } from './pgCluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
