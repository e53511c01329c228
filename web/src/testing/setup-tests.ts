import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { configureSession, setAccessToken } from '@/lib/api-client';

import { resetDb } from './mocks/db';
import { server } from './mocks/server';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetDb();
  setAccessToken(null);
  configureSession(null);
  window.localStorage.clear();
});

afterAll(() => {
  server.close();
});
