/**
 * `npm run docs:layout`: draws src/'s layers from the code into
 * docs/contributing/layout.md, between its markers: the edges between
 * layers that the imports make (scripts/import-graph.ts), and each layer's
 * files with the first sentence of their first doc comment. A test
 * (test/node/docs/layout.test.ts) fails when the page's drawing is not the
 * one the code makes now.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importGraph } from './import-graph.ts';
import { LAYERS, layerOf, type Layer } from './layers.ts';
import { ROOT } from './project-root.ts';

export const LAYOUT_PAGE = `${ROOT}docs/contributing/layout.md`;
const BEGIN = '<!-- layout:begin: written by `npm run docs:layout` from the code; do not edit -->';
const END = '<!-- layout:end -->';
/** Where a file's job is cut, so that each file keeps to one line. */
const JOB_LENGTH = 110;

/** The drawing as the code makes it now, markers included. */
export function drawLayout(): string {
  const { modules } = importGraph();
  const files = modules.map((module) => module.source).filter((source) => source.startsWith('src/'));
  const strays = files.filter((file) => !layerOf(file));
  if (strays.length) throw new Error(`${strays.join(', ')}: in no layer of scripts/layers.ts`);
  const edges = new Map(LAYERS.map((layer) => [layer.name, new Set<string>()]));
  for (const module of modules) {
    const from = layerOf(module.source);
    for (const { resolved } of module.dependencies) {
      const to = layerOf(resolved);
      if (from && to && to !== from) edges.get(from.name)!.add(to.name);
    }
  }
  const sections = LAYERS.map((layer) => fileList(layer, files.filter((file) => layerOf(file) === layer).sort()));
  return [BEGIN, '', '```mermaid', ...flowchart(edges), '```', '', ...edgeTable(edges), '', ...sections.flat(), END].join('\n');
}

/** The layers that are not leaves and the imports between them; a dotted edge is one the rules forbid. */
function flowchart(edges: Map<string, Set<string>>): string[] {
  const drawn = LAYERS.filter((layer) => !layer.leaf);
  const id = (name: string) => name.replaceAll('-', '_');
  const lines = ['flowchart TD', ...drawn.map((layer) => `  ${id(layer.name)}["${layer.name}"]`)];
  for (const from of drawn) {
    for (const to of drawn.filter((layer) => edges.get(from.name)!.has(layer.name))) {
      lines.push(from.mayImport.includes(to.name) ? `  ${id(from.name)} --> ${id(to.name)}` : `  ${id(from.name)} -. breaks the order .-> ${id(to.name)}`);
    }
  }
  return lines;
}

/** Every layer's imports of other layers, leaves included, as a table. */
function edgeTable(edges: Map<string, Set<string>>): string[] {
  const rows = LAYERS.map((layer) => {
    const imports = LAYERS.filter((other) => edges.get(layer.name)!.has(other.name)).map((other) => (layer.mayImport.includes(other.name) ? other.name : `**${other.name}** (breaks the order)`));
    return `| ${layer.name} | ${imports.join(', ') || '(nothing)'} |`;
  });
  return ['| layer | imports |', '| --- | --- |', ...rows];
}

/** A layer's heading, its job and its files, one a line. */
function fileList(layer: Layer, files: string[]): string[] {
  const width = Math.max(...files.map((file) => file.length));
  const lines = files.map((file) => `${file.padEnd(width)}  ${jobOf(file)}`.trimEnd());
  return [`### ${layer.name}`, '', `${layer.job[0]!.toUpperCase()}${layer.job.slice(1)}.`, '', '```text', ...lines, '```', ''];
}

/**
 * What a file does, in a line: the first sentence of its leading doc
 * comment, else of the one on its first export; nothing when it has
 * neither.
 */
function jobOf(file: string): string {
  const text = readFileSync(`${ROOT}${file}`, 'utf8');
  const comment = /^\s*\/\*\*([^]*?)\*\//.exec(text) ?? /\/\*\*((?:(?!\*\/)[^])*)\*\/\s*export\b/.exec(text);
  if (!comment) return '';
  const prose = comment[1]!.replace(/^\s*\*\s?/gm, ' ').replace(/\s+/g, ' ').trim();
  // A sentence ends at a full stop and a space: not in `e.g.`, `i.e.` or `...`, nor inside a code span.
  const end = [...prose.matchAll(/(?<!\b(?:e\.g|i\.e)|\.)\.(?=\s|$)/g)].find(({ index }) => prose.slice(0, index).split('`').length % 2 === 1);
  const sentence = end ? prose.slice(0, end.index + 1) : prose;
  if (sentence.length <= JOB_LENGTH) return sentence;
  return `${sentence.slice(0, sentence.lastIndexOf(' ', JOB_LENGTH - 1))} …`;
}

/** The drawing the page holds now, markers included. */
export function pageDrawing(page: string): string {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${LAYOUT_PAGE}: no ${BEGIN} ... ${END}`);
  return page.slice(begin, end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = readFileSync(LAYOUT_PAGE, 'utf8');
  writeFileSync(LAYOUT_PAGE, page.replace(pageDrawing(page), drawLayout()));
}
