import { describe, expect, it } from 'vitest';
import { imported } from './imported.ts';

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
  const { run, read } = await imported(DOCUMENT, 'issues');
  const sdl = read('issues.graphql');

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
