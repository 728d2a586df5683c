import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawLayout, LAYOUT_PAGE, pageDrawing } from '../../../scripts/draw-layout.ts';

describe('docs/contributing/layout.md', () => {
  // dependency-cruiser reads all of src/: seconds, more on a busy machine.
  it('draws src/ as the code is now (npm run docs:layout writes it)', () => {
    expect(pageDrawing(readFileSync(LAYOUT_PAGE, 'utf8'))).toBe(drawLayout());
  }, 120_000);
});
