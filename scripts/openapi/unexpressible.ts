/** What a connector cannot express, listed with the operation and why, never dropped in silence: uploads, streams, downloads, callbacks, webhooks. */
import type { TypeRegistry } from './graphql-types.ts';
import type { Json } from './json-pointer.ts';
import { unexpressibleReason, type Operation } from './operations.ts';

export interface Unexpressible {
  operation: string;
  route: string;
  why: string;
}

export function unexpressibleOf(registry: TypeRegistry, operations: Operation[]): { unexpressible: Unexpressible[]; expressible: Operation[] } {
  const unexpressible: Unexpressible[] = [];
  const expressible: Operation[] = [];
  for (const operation of operations) {
    const route = `${operation.method.toUpperCase()} ${operation.path}`;
    const why = unexpressibleReason(registry, operation);
    if (why) unexpressible.push({ operation: operation.name, route, why });
    else expressible.push(operation);
    for (const name of Object.keys((operation.op.callbacks as Json | undefined) ?? {})) {
      unexpressible.push({ operation: `${operation.name} callback ${name}`, route, why: 'a callback: the API calls back a URL the client gives, which a GraphQL field cannot receive' });
    }
  }
  for (const [name, item] of Object.entries((registry.document.webhooks as Json | undefined) ?? {})) {
    const methods = Object.keys(item as Json).filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key));
    unexpressible.push({ operation: `webhook ${name}`, route: methods.map((method) => method.toUpperCase()).join(', ') || '-', why: 'a webhook: the API sends it to you; a GraphQL field cannot receive it' });
  }
  return { unexpressible, expressible };
}

export function unexpressibleMarkdown(list: Unexpressible[]): string {
  if (!list.length) return '# Not imported\n\nEvery operation was imported.\n';
  return `# Not imported\n\nWhat a connector cannot express. Serve these another way (a TypeScript resolver, or the API directly).\n\n| operation | route | why |\n| --- | --- | --- |\n${list.map((entry) => `| ${entry.operation} | \`${entry.route}\` | ${entry.why.replaceAll('|', '\\|')} |`).join('\n')}\n`;
}
