import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `INTRO_API=http://localhost:18080 npm run dev` proxies to a service on another port.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const api = env?.['INTRO_API'] ?? 'http://localhost:8080';

// The build goes to target/dist, which Maven packages under the jar's intro-web/ folder.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    // The service's CSP allows scripts from 'self' only: no inline polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npm run dev` against a service started with the README's run command.
    proxy: { '/api': api },
  },
  preview: {
    proxy: { '/api': api },
  },
});
