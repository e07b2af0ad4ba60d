import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' makes the build work from any static host or sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // LUOSCOPE_DIST lets two checkouts' test runs build side by side without clobbering dist/.
  build: { target: 'es2022', sourcemap: false, outDir: process.env.LUOSCOPE_DIST ?? 'dist' },
  worker: { format: 'es' },
});
