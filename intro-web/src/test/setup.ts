import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';

// The store changes outside React when msw answers; the tests wait for what it draws with
// waitFor and findBy, so React's reminder to wrap those updates in act() is only noise here.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) return;
  consoleError(...args);
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  if (typeof document !== 'undefined') cleanup();
  server.resetHandlers();
  if (typeof window !== 'undefined') {
    window.sessionStorage.clear();
    document.documentElement.removeAttribute('data-theme');
    document.documentElement.removeAttribute('data-density');
  }
});
afterAll(() => server.close());
