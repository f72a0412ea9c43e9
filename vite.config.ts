// One multi-page build: each page is a small Preact app with its own entry.
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The county center's page is built on its own (vite.county.config.ts): it shares code
// with these pages, and one build would cut that code into chunks every kiosk then loads.
const pages = ['kiosk', 'display', 'clerk', 'supervisor', 'status', 'pad'];

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    rollupOptions: {
      input: Object.fromEntries([['home', resolve(import.meta.dirname, 'index.html')], ...pages.map((p) => [p, resolve(import.meta.dirname, p, 'index.html')])]),
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true }, '/s/': 'http://localhost:3000' },
  },
});
