import { describe, expect, it } from 'vitest';
import { createCacheKeys } from '../../../src/response-cache/cache-key.ts';

/** Keys whose policy reader counts the documents it is asked about: one read per document parsed. */
function countingKeys(maxDocuments: number) {
  const read: string[] = [];
  const keys = createCacheKeys({
    readPolicy: (_, operationName) => (read.push(operationName ?? ''), null),
    schemaVersion: 'test',
    maxDocuments,
    maxTokens: 1000,
  });
  const analyze = (name: string) => keys.analyze({ query: `query ${name} { __typename }`, operationName: name, variables: null });
  return { read, analyze };
}

describe('the documents analyzed per isolate', () => {
  it('parses a document once while it is remembered', () => {
    const { read, analyze } = countingKeys(2);
    analyze('A');
    analyze('A');
    expect(read).toEqual(['A']);
  });

  it('keeps the most recently used documents up to the bound, and forgets the least recently used', () => {
    const { read, analyze } = countingKeys(2);
    analyze('A');
    analyze('B');
    analyze('A');
    analyze('C');
    analyze('A');
    analyze('B');
    expect(read).toEqual(['A', 'B', 'C', 'B']);
  });
});
