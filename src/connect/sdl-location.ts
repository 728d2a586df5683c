/** Where in the SDL a mistake inside a directive's string argument is: the build's, for its messages; the Worker has none of it. */
import { getLocation, Kind, type ConstDirectiveNode, type ConstValueNode } from 'graphql';

/** `file:line` of the character at `offset` of the directive's string argument at `path` (see `lineInString`). */
export function lineIn(directive: ConstDirectiveNode, path: (string | number)[], offset: number): string | undefined {
  const node = valueAt(directive, path);
  return node && lineInString(node, offset);
}

/** The value at a path of a directive's arguments: `['http', 'GET']`, `['http', 'headers', 0, 'value']`. */
function valueAt(directive: ConstDirectiveNode, path: (string | number)[]): ConstValueNode | undefined {
  const [name, ...rest] = path;
  let node: ConstValueNode | undefined = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  for (const step of rest) {
    if (node?.kind === Kind.OBJECT && typeof step === 'string') node = node.fields.find((field) => field.name.value === step)?.value;
    else if (node?.kind === Kind.LIST && typeof step === 'number') node = node.values[step];
    else return undefined;
  }
  return node;
}

/**
 * `file:line` of the character at `offset` of a string argument's value,
 * where the SDL holds it: past the quotes, and in a block string (`"""`)
 * past the indentation GraphQL removes from every line. The line, as every
 * build message gives it: a mistake in a selection of 30 lines is named on
 * its own line, not on the one where `@connect(` starts.
 */
function lineInString(node: ConstValueNode, offset: number): string | undefined {
  if (node.kind !== Kind.STRING || !node.loc) return undefined;
  const { source } = node.loc;
  const at = (position: number) => `${source.name}:${getLocation(source, position).line}`;
  if (!node.block) return at(node.loc.start + 1 + offset);
  const contentStart = node.loc.start + 3;
  const lines: { start: number; text: string }[] = [];
  const raw = source.body.slice(contentStart, node.loc.end - 3);
  const breaks = /\r\n|[\n\r]/g;
  let lineStart = 0;
  for (let found = breaks.exec(raw); ; found = breaks.exec(raw)) {
    lines.push({ start: lineStart, text: raw.slice(lineStart, found ? found.index : raw.length) });
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  // GraphQL's dedent: the smallest indentation of the lines after the first that hold text, and the blank lines around dropped.
  const indentOf = (text: string) => /^[ \t]*/.exec(text)![0].length;
  const filled = lines.map((line, index) => ({ index, blank: indentOf(line.text) === line.text.length }));
  const first = filled.find((line) => !line.blank)?.index ?? 0;
  const indent = Math.min(...lines.flatMap((line, index) => (index > 0 && !filled[index]!.blank ? [indentOf(line.text)] : [])), Infinity);
  let rest = offset;
  for (let index = first; index < lines.length; index++) {
    const cut = index === 0 || indent === Infinity ? 0 : indent;
    const length = Math.max(0, lines[index]!.text.length - cut);
    if (rest <= length) return at(contentStart + lines[index]!.start + cut + rest);
    rest -= length + 1;
  }
  return at(contentStart + raw.length);
}
