import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:8080';

/** Vite config for the Borderflow web shell; the API runs separately on port 8080 in development. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      // ws: the operations centre's live picture is a WebSocket under /api/ioc/live.
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
});
