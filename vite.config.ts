// Builds the renderer (React) into dist/renderer with relative paths, so the same files load from the
// Electron app:// protocol and from the HTTP bridge. No inline scripts: the CSP forbids them.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
});
