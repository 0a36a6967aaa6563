/**
 * Playwright as the specs use it: everything from @playwright/test, with
 * `test` pointing `baseURL` at this worker's own default web host (see
 * web-hosts.ts). Specs import from here, never `test` from the package
 * directly (eslint enforces it), so no spec can land on another worker's hub.
 */
import { test as base } from '@playwright/test';
import { WORKER_HOSTS, hostUrl } from './web-hosts';

export * from '@playwright/test';

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  baseURL: async ({}, use) => use(hostUrl(WORKER_HOSTS.main)),
});
