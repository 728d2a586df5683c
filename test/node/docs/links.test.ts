import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/project-root.ts';

/** The pages a reader follows links through: the README and everything under docs/. */
const pages = ['README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).map((file) => join('docs', file))];

/** A page without its fenced code blocks, which hold examples, not headings or links. */
function withoutCodeBlocks(text: string): string {
  return text.replace(/^```[^]*?^```/gm, '');
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const slugs = new Set<string>();
  for (const [, heading = ''] of withoutCodeBlocks(readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    slugs.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return slugs;
}

/** Each relative link of a page (`[text](target)`, images too) that leads nowhere, as "target: why". */
function brokenLinks(page: string): string[] {
  const from = join(ROOT, page);
  // Inline code spans hold examples too (`[x](y)` in a selection is no link).
  const text = withoutCodeBlocks(readFileSync(from, 'utf8')).replace(/`[^`\n]*`/g, '');
  const targets = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(([, target = '']) => target);
  return targets
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .flatMap((target) => {
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? from : join(dirname(from), decodeURIComponent(path));
      if (!existsSync(file)) return [`${target}: no file ${relative(ROOT, file)}`];
      if (anchor === undefined || statSync(file).isDirectory() || !file.endsWith('.md')) return [];
      return anchors(file).has(anchor) ? [] : [`${target}: no heading with anchor #${anchor} in ${relative(ROOT, file)}`];
    });
}

describe('the documentation links', () => {
  it('finds the pages', () => {
    expect(pages).toContain(join('docs', 'README.md'));
  });

  it.each(pages)('%s: every relative link leads to a file, and to a heading where it names one', (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });
});
