import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiProxy = { '/graphql': 'http://localhost:4000' };
const nhsukImages = fileURLToPath(new URL('./node_modules/nhsuk-frontend/dist/nhsuk/assets/images/', import.meta.url));

// The web client: source in web/, built into dist/web, which the API serves in production.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  resolve: {
    // NHS.UK frontend's stylesheet points at its icons under /assets/images/; bundle them from the package.
    alias: [{ find: /^\/assets\/images\/(nhsuk-[\w-]+\.svg)$/, replacement: `${nhsukImages}$1` }],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // NHS.UK frontend ships its stylesheet minified, with old browser hacks the CSS minifier rejects.
    cssMinify: false,
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
