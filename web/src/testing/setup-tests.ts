import '@testing-library/jest-dom/vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';

import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { configureSession, setAccessToken } from '@/lib/api-client';

import { resetAdmin } from './mocks/admin-handlers';
import { resetBoard } from './mocks/board-handlers';
import { resetClubs } from './mocks/club-handlers';
import { resetDb } from './mocks/db';
import { resetHospitals } from './mocks/hospital-handlers';
import { resetModeration } from './mocks/moderation-handlers';
import { resetOauth } from './mocks/oauth-handlers';
import { server } from './mocks/server';
import { resetTrust } from './mocks/trust-handlers';

// jsdom brings its own FormData, File and Blob, which Node's fetch (used by the
// tests) cannot serialise; a browser's fetch takes its own. Use Node's classes.
const NodeFormData = (await new Response(new URLSearchParams('probe=1')).formData()).constructor;
Object.assign(globalThis, { FormData: NodeFormData, File: NodeFile, Blob: NodeBlob });

// jsdom has no object URLs; previews of private media make them from fetched blobs.
let objectUrls = 0;
Object.assign(URL, {
  createObjectURL: () => {
    objectUrls += 1;
    return `blob:http://localhost/${objectUrls}`;
  },
  revokeObjectURL: () => undefined,
});

// findBy/waitFor poll for at most this long. The default second is too short on a
// loaded two-core CI machine, where a route change plus a mocked fetch can take longer.
configure({ asyncUtilTimeout: 5_000 });

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetDb();
  resetAdmin();
  resetHospitals();
  resetBoard();
  resetClubs();
  resetOauth();
  resetTrust();
  resetModeration();
  setAccessToken(null);
  configureSession(null);
  window.localStorage.clear();
});

afterAll(() => {
  server.close();
});
