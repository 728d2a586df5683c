import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistedDocuments, persistedDocumentsPath } from '../../../scripts/build-schema.ts';
import { preflight } from '../../../scripts/preflight.ts';
import { ROOT } from '../../../scripts/project-root.ts';
import { ONE_CONNECTOR_SDL as SDL } from './one-connector-sdl.ts';

/**
 * Each schema folder's trusted documents are its own: the manifest codegen
 * wrote where codegen.ts puts it for that folder, bundled with the folder.
 * PERSISTED_ONLY over a folder with none would refuse every document, and
 * `npm run serve` / `npm start` stop before that (scripts/preflight.ts).
 */

const WRANGLER = { configPath: join(ROOT, 'wrangler.toml') };


describe('a schema folder\'s trusted documents', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'gateway-persisted-'));
    writeFileSync(join(folder, 'schema.graphql'), SDL);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('the shop\'s are client/generated/persisted-documents.json, any other folder\'s DIR/generated/persisted-documents.json, as codegen writes them', () => {
    expect(persistedDocumentsPath('schema')).toBe('client/generated/persisted-documents.json');
    expect(persistedDocumentsPath('./schema/')).toBe('client/generated/persisted-documents.json');
    expect(persistedDocumentsPath('examples/blog')).toBe('examples/blog/generated/persisted-documents.json');
    expect(persistedDocuments('examples/blog')).toEqual(JSON.parse(readFileSync(join(ROOT, 'examples/blog/generated/persisted-documents.json'), 'utf8')));
  });

  it('a folder codegen has written none for has none', () => {
    expect(persistedDocuments(folder)).toEqual({});
  });

  it('PERSISTED_ONLY over a folder with none stops serve and start, naming the manifest and the command that writes it', () => {
    const [problem, ...others] = preflight({ dir: folder, wrangler: WRANGLER, vars: { PERSISTED_ONLY: 'true' } });
    expect(others).toEqual([]);
    expect(problem).toMatch(/^\[config\] PERSISTED_ONLY is true but \S+\/generated\/persisted-documents\.json lists no operations, so every document would be refused: /);
    expect(problem).toContain(`npm run codegen -- --schema ${folder}`);
    // Without PERSISTED_ONLY the same folder serves.
    expect(preflight({ dir: folder, wrangler: WRANGLER, vars: { PERSISTED_ONLY: 'false' } })).toEqual([]);
  });

  it('PERSISTED_ONLY over a folder with a manifest serves: the blog, and the folder once codegen has written one', () => {
    expect(preflight({ dir: 'examples/blog', wrangler: WRANGLER, vars: { PERSISTED_ONLY: 'true' } })).toEqual([]);
    mkdirSync(join(folder, 'generated'));
    const query = 'query Post { post(id: "1") { id } }';
    writeFileSync(join(folder, 'generated/persisted-documents.json'), JSON.stringify({ [`sha256:${createHash('sha256').update(query).digest('hex')}`]: query }));
    expect(preflight({ dir: folder, wrangler: WRANGLER, vars: { PERSISTED_ONLY: 'true' } })).toEqual([]);
  });
});
