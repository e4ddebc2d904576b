import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative base: the same build loads from the Electron custom protocol and from the web host.
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '..', 'out', 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
