import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchemaModule, schemaModulePath } from '../../../scripts/build-schema.ts';
import { ROOT } from '../../../scripts/project-root.ts';
import { ONE_CONNECTOR_SDL as SDL } from './one-connector-sdl.ts';

const SHOP_MODULE = join(ROOT, '.gateway/schemas/schema.ts');
const POINTER = join(ROOT, '.gateway/schemas/current.ts');


describe('each schema folder has a module of its own', () => {
  let outside: string;
  let pointer: string | undefined;

  beforeAll(() => {
    // The pointer as the last build left it (a developer's `--schema` folder, say), to put back; then the shop's module as npm test builds it.
    pointer = existsSync(POINTER) ? readFileSync(POINTER, 'utf8') : undefined;
    buildSchemaModule('schema');
    outside = mkdtempSync(join(tmpdir(), 'gateway-schema-'));
    for (const dir of ['a/schema', 'b/schema']) {
      mkdirSync(join(outside, dir), { recursive: true });
      writeFileSync(join(outside, dir, 'blog.graphql'), SDL);
    }
  });
  afterAll(() => {
    if (pointer === undefined) buildSchemaModule('schema');
    else writeFileSync(POINTER, pointer);
    rmSync(outside, { recursive: true, force: true });
  });

  it('keeps `schema` at .gateway/schemas/schema.ts, which the workers pool aliases', () => {
    expect(schemaModulePath('schema')).toBe(SHOP_MODULE);
    expect(schemaModulePath('./schema/')).toBe(SHOP_MODULE);
  });

  // The project's parent's `schema` (and its grandparent's) once slugged to `schema`, as the project's own does.
  it('a folder outside the project named `schema` never takes the shop\'s module name', () => {
    for (const dir of ['../schema', '../../schema', join(ROOT, '../schema'), join(ROOT, '../x/../schema')]) {
      expect(schemaModulePath(dir), dir).not.toBe(SHOP_MODULE);
    }
  });

  it('building a folder outside the project named `schema` leaves the shop\'s module as it was', () => {
    const shop = readFileSync(SHOP_MODULE, 'utf8');
    const written = buildSchemaModule(join(outside, 'a/schema'));
    expect(written).not.toBe(SHOP_MODULE);
    expect(readFileSync(SHOP_MODULE, 'utf8')).toBe(shop);
    expect(readFileSync(written, 'utf8')).toContain('blog.graphql');
    rmSync(written);
  });

  it('two folders outside the project named `schema`, and `../schema`, each get their own', () => {
    const paths = [join(outside, 'a/schema'), join(outside, 'b/schema'), join(outside, 'a/x/../schema'), '../schema', 'schema'].map(schemaModulePath);
    expect(paths[2]).toBe(paths[0]);
    expect(new Set([paths[0], paths[1], paths[3], paths[4]]).size).toBe(4);
  });

  it('folders whose slugs would match inside the project stay apart, and none is the pointer', () => {
    const paths = ['examples/blog', 'examples-blog', 'examples/Blog', 'current'].map(schemaModulePath);
    expect(paths[0]).toBe(join(ROOT, '.gateway/schemas/examples-blog.ts'));
    expect(new Set(paths).size).toBe(4);
    expect(paths).not.toContain(POINTER);
  });
});
