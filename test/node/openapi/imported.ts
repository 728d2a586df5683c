import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runImport } from '../../../scripts/openapi/run-import.ts';

/**
 * `document` written to a temporary folder and imported from it as the CLI
 * would (max-age 60, no filters), in a describe block whose tests read what
 * it wrote: the run, and `read(...files)`, those files of the output joined.
 * The folder goes when the block's tests are done.
 */
export async function imported(document: unknown, source: string) {
  const dir = mkdtempSync(join(tmpdir(), `${source}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, `${source}.json`), JSON.stringify(document));
  const out = join(dir, 'out');
  const run = await runImport({ input: join(dir, `${source}.json`), out, update: false, maxAge: 60, command: 'test', source });
  return { run, read: (...files: string[]) => files.map((file) => readFileSync(join(out, file), 'utf8')).join('\n') };
}

/** Builders the tests write their documents with: a 200 answer of `schema` in JSON, a component schema's `$ref`, a string. */
export const json = (schema: unknown) => ({ description: 'ok', content: { 'application/json': { schema } } });
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const text = { type: 'string' };
