import { Kind, valueFromASTUntyped, visit, type DefinitionNode, type DocumentNode } from 'graphql';

/** The Apollo specs whose directives a file may import under other names: federation's and the connectors'. */
const LINKED_SPEC = /^https:\/\/specs\.apollo\.dev\/(federation|connect)\/v[0-9.]+$/;

/**
 * A subgraph file may name the directives it imports otherwise (`@link(url:
 * ".../federation/v2.10", import: [{ name: "@key", as: "@myKey" }])`) and may
 * use those it does not import by the spec's prefix (`@federation__shareable`,
 * or `@fed__shareable` with `@link(as: "fed")`, where `@connect` itself
 * becomes `@fed`). Each file is its own
 * subgraph, so its names are turned back into the specs' plain ones before
 * anything reads it.
 */
export function withPlainDirectiveNames(document: DocumentNode): DocumentNode {
  const names = new Map<string, string>();
  const prefixes: string[] = [];
  for (const node of document.definitions) {
    if (node.kind !== Kind.SCHEMA_DEFINITION && node.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of node.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const args = Object.fromEntries((link.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));
      const spec = typeof args.url === 'string' ? LINKED_SPEC.exec(args.url)?.[1] : undefined;
      if (!spec) continue;
      // A spec's namesake directive (`@connect`) takes the link's `as` unprefixed; the others take it as a prefix.
      if (typeof args.as === 'string') names.set(args.as, spec);
      prefixes.push(`${typeof args.as === 'string' ? args.as : spec}__`);
      for (const entry of Array.isArray(args.import) ? args.import : []) {
        const { name, as } = (entry ?? {}) as Record<string, unknown>;
        if (typeof name === 'string' && typeof as === 'string') names.set(as.replace(/^@/, ''), name.replace(/^@/, ''));
      }
    }
  }
  if (!names.size && !prefixes.length) return document;
  const plain = (name: string) => names.get(name) ?? prefixes.reduce((found, prefix) => (found.startsWith(prefix) ? found.slice(prefix.length) : found), name);
  return visit(document, {
    Directive: (node) => (plain(node.name.value) === node.name.value ? undefined : { ...node, name: { ...node.name, value: plain(node.name.value) } }),
  });
}

const DEFINITION_OF: Partial<Record<Kind, Kind>> = {
  [Kind.OBJECT_TYPE_EXTENSION]: Kind.OBJECT_TYPE_DEFINITION,
  [Kind.INTERFACE_TYPE_EXTENSION]: Kind.INTERFACE_TYPE_DEFINITION,
};

/**
 * A subgraph may `extend type Query` (or an entity another subgraph defines)
 * without defining it; in one graph there is no other subgraph, so the first
 * extension of a type nobody defines becomes its definition.
 */
export function defineExtendedTypes(document: DocumentNode): DocumentNode {
  const defined = new Set(document.definitions.flatMap((node) => (node.kind.endsWith('TypeDefinition') && 'name' in node && node.name ? [node.name.value] : [])));
  const definitions = document.definitions.map((node): DefinitionNode => {
    const kind = DEFINITION_OF[node.kind];
    if (!kind || !('name' in node) || !node.name || defined.has(node.name.value)) return node;
    defined.add(node.name.value);
    return { ...node, kind } as DefinitionNode;
  });
  return { ...document, definitions };
}
