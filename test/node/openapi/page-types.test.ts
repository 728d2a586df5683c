import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../scripts/openapi/run-import.ts';

const int = { type: 'integer' };
const list = (operationId: string, paging: string[]) => ({
  get: {
    tags: ['issues'],
    operationId,
    parameters: paging.map((name) => ({ name, in: 'query', schema: int })),
    responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Issue' } } } } } },
  },
});

/** Three lists of issues: two page alike (page/per_page), one by offset. */
const DOCUMENT = {
  openapi: '3.0.3',
  info: { title: 'Issues', version: '1' },
  servers: [{ url: 'https://issues.example.com' }],
  paths: {
    '/issues': list('issues/list', ['page', 'per_page']),
    '/user/issues': list('issues/list-mine', ['page', 'per_page']),
    '/search/issues': list('issues/search', ['offset', 'limit']),
  },
  components: { schemas: { Issue: { type: 'object', properties: { number: int, title: { type: 'string' } } } } },
};

describe('import:openapi page types', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-types-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'issues.json'), JSON.stringify(DOCUMENT));
  const out = join(dir, 'out');
  const run = await runImport({ input: join(dir, 'issues.json'), out, update: false, maxAge: 60, command: 'test', source: 'issues' });
  const sdl = readFileSync(join(out, 'issues.graphql'), 'utf8');

  it('builds', () => {
    expect(run.problems).toEqual([]);
  });

  it('one <Item>Page for the lists that page alike, another where the page is asked for differently', () => {
    expect(sdl.match(/^type \w+Page\w*/gm)).toEqual(['type IssuePage', 'type IssuePage2']);
    expect(sdl).toMatch(/issuesList\([^)]*\): IssuePage\n/);
    expect(sdl).toMatch(/issuesListMine\([^)]*\): IssuePage\n/);
    expect(sdl).toMatch(/issuesSearch\([^)]*\): IssuePage2\n/);
    expect(sdl).toContain('"What to ask for the next page with, in offset."\n  endCursor: String');
  });
});
