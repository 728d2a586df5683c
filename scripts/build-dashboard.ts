/**
 * Writes the analytics dashboard (dashboard/) into the Worker's static
 * assets, dist/assets/dashboard/: its two pages and styles as they are, its
 * script bundled for the browser, and uPlot's script and styles copied from
 * the npm package, so that the page loads nothing from anywhere else.
 * src/http/dashboard.ts serves them.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

const source = new URL('../dashboard/', import.meta.url);
const outDir = new URL('../dist/assets/dashboard/', import.meta.url);
const uplot = new URL('../node_modules/uplot/dist/', import.meta.url);

await mkdir(outDir, { recursive: true });
await Promise.all([
  ...['index.html', 'login.html', 'page.css'].map((file) => copyFile(new URL(file, source), new URL(file, outDir))),
  ...['uPlot.iife.min.js', 'uPlot.min.css'].map((file) => copyFile(new URL(file, uplot), new URL(file, outDir))),
  build({ entryPoints: [new URL('page.ts', source).pathname], outfile: new URL('page.js', outDir).pathname, bundle: true, minify: true, format: 'iife', target: 'es2022', logLevel: 'warning' }),
]);
