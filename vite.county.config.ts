// The county center's page (电子监察平台), built apart from the hall's pages into
// dist-county/: a county server serves only this page, and the hall's kiosks never load
// code cut for it. `npm run county` builds it.
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist-county',
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    rollupOptions: { input: { county: resolve(import.meta.dirname, 'county', 'index.html') } },
  },
  server: {
    proxy: { '/api': 'http://localhost:3100', '/socket.io': { target: 'ws://localhost:3100', ws: true } },
  },
});
