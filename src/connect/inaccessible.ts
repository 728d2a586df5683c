import { Kind, visit, type ASTNode, type DirectiveNode, type DocumentNode, type NamedTypeNode, type TypeNode } from 'graphql';

const hidden = (node: { directives?: readonly DirectiveNode[] | undefined }) => node.directives?.some((directive) => directive.name.value === 'inaccessible') ?? false;

/** A type's definition or extension: `type X`, `extend enum X`, ... (not `schema { query: X }`, which has no name). */
const typeNameOf = (node: ASTNode) => (/Type(Definition|Extension)$/.test(node.kind) && 'name' in node && node.name ? node.name.value : undefined);

/**
 * The served schema without what `@inaccessible` marks: types, fields,
 * arguments, input fields and enum values. Connectors are planned on the whole
 * schema (a hidden field may still be a key or feed a connector); clients,
 * introspection and codegen see only the rest. A visible field, argument or
 * input field whose type is hidden could not be served, so each is reported;
 * a hidden union member or interface is only dropped from the lists naming it.
 */
export function hideInaccessible(document: DocumentNode, report: (node: ASTNode, message: string) => void): DocumentNode {
  const hiddenTypes = new Set(document.definitions.flatMap((node) => (typeNameOf(node) && 'directives' in node && hidden(node) ? [typeNameOf(node)!] : [])));
  const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));
  const hides = (types: readonly NamedTypeNode[] | undefined) => types?.some((type) => hiddenTypes.has(type.name.value)) ?? false;
  const visible = (types: readonly NamedTypeNode[] | undefined) => types?.filter((type) => !hiddenTypes.has(type.name.value));
  // Where a reported field, argument or input field is: `Post.author`, `Query.posts(author:)`.
  let owner = '';
  let field = '';
  return visit(document, {
    enter(node) {
      if (node.kind === Kind.DIRECTIVE) return node.name.value === 'inaccessible' ? null : undefined;
      if (node.kind === Kind.DIRECTIVE_DEFINITION) return false;
      if ('directives' in node && hidden(node)) return null;
      const type = typeNameOf(node);
      if (type && hiddenTypes.has(type)) return null;
      if (type) [owner, field] = [type, ''];
      if (node.kind === Kind.FIELD_DEFINITION) field = node.name.value;
      // Edited only where something is hidden: a schema with no @inaccessible comes back as it was.
      if ((node.kind === Kind.OBJECT_TYPE_DEFINITION || node.kind === Kind.OBJECT_TYPE_EXTENSION || node.kind === Kind.INTERFACE_TYPE_DEFINITION || node.kind === Kind.INTERFACE_TYPE_EXTENSION) && hides(node.interfaces)) {
        return { ...node, interfaces: visible(node.interfaces) };
      }
      if ((node.kind === Kind.UNION_TYPE_DEFINITION || node.kind === Kind.UNION_TYPE_EXTENSION) && hides(node.types)) return { ...node, types: visible(node.types) };
      if ((node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.INPUT_VALUE_DEFINITION) && hiddenTypes.has(named(node.type))) {
        const what = node.kind === Kind.INPUT_VALUE_DEFINITION && field ? `${owner}.${field}(${node.name.value}:)` : `${owner}.${node.name.value}`;
        report(node, `${what} is visible but its type ${named(node.type)} is @inaccessible: mark it @inaccessible too`);
      }
      return undefined;
    },
  });
}
