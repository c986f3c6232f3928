import { setupServer } from 'msw/node';

/** The HTTP fake every test shares; each test adds the answers it needs. */
export const server = setupServer();
