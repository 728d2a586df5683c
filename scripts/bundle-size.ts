/**
 * Prints the gzipped size of the Worker bundle that `npm run deploy:check`
 * wrote, and fails above the budget: the bundle counts against Workers'
 * script size limit and every cold start parses it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 500 * 1024;
const dir = process.argv[2] ?? 'dist/worker';

const files = (await readdir(dir, { recursive: true })).filter((file) => !/(\.map|README\.md)$/.test(file));
let raw = 0;
let gzipped = 0;
for (const file of files) {
  const bytes = await readFile(join(dir, file));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`Worker bundle: ${files.length} file(s), ${kb(raw)} raw, ${kb(gzipped)} gzipped (budget ${kb(BUDGET_BYTES)})`);
if (files.length === 0 || gzipped > BUDGET_BYTES) process.exit(1);
