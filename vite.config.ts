import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one React app serving every screen, built to dist/renderer and served by the hub. */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome109', sourcemap: true, assetsInlineLimit: 0 },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8686', ws: true }, '/voice': 'http://127.0.0.1:8686' } },
});
