import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP, cspPlugin, traceSchemaPlugin } from './tools/sitePlugins.ts';

// LUOSCOPE_PUBLIC_URL: the address the site is published at, for links in mail texts (the
// page reads it as import.meta.env.LUOSCOPE_PUBLIC_URL) and the JSON Schema's $id.
const publicUrl = process.env.LUOSCOPE_PUBLIC_URL || undefined;

// base './' makes the build work from any static host or sub-path.
export default defineConfig({
  base: './',
  envPrefix: ['VITE_', 'LUOSCOPE_PUBLIC_'],
  plugins: [react(), cspPlugin(), traceSchemaPlugin(publicUrl)],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CSP },
  },
  // LUOSCOPE_DIST lets two checkouts' test runs build side by side without clobbering dist/.
  build: { target: 'es2022', sourcemap: false, outDir: process.env.LUOSCOPE_DIST ?? 'dist' },
  worker: { format: 'es' },
});
