import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { outputFields, subFields } from './mapping/analyze.ts';
import type { MappingError } from './mapping/index.ts';
import type { Selection } from './selection.ts';

type ResponsePath = GraphQLResolveInfo['path'];

/** A mapping error and the output field whose expression met it: in `name age: age->parseInt`, a failed `->parseInt` is at `['age']`. */
export interface MappingProblem {
  message: string;
  /** Where in the selection's text. */
  offset: number;
  field: readonly string[];
}

/** Each error at its output field (a list's items fail at the same few places: each is found once). */
export function placeErrors(selection: Selection, errors: readonly MappingError[]): MappingProblem[] {
  const fields = new Map<number, string[]>();
  return errors.map(({ message, offset }) => {
    let field = fields.get(offset);
    if (!field) fields.set(offset, (field = outputFieldAt(selection, offset)));
    return { message, offset, field };
  });
}

/** Distinct messages kept per place in a selection: a message shows no more, and a list of 100,000 failing items keeps no more. */
const MESSAGES_PER_PLACE = 3;

/** The connector that made a value, and what its mapping could not find there. */
export interface Maker {
  connector: string;
  /** The mapping errors met on the way to the value, in the engine's words. */
  problems: string[];
}

interface EntityMaker {
  connector: string;
  /** The fields the entity's connector gives an object it completes. */
  provides: readonly string[];
}

/**
 * Which connector made each value of one response, and what its selections
 * could not find in the origin's answers: what an error at a response path
 * needs to name the connector to blame, and why. A field's connector, or a
 * TypeScript resolver, made the value at its field's path and everything
 * below, but for the fields an entity connector gave an object it completed
 * by key. Recorded as resolvers run; read only when the response has errors.
 */
export class Provenance {
  readonly #fields: [ResponsePath, string | null][] = [];
  readonly #entities: [ResponsePath, EntityMaker][] = [];
  readonly #problems = new Map<string, Map<number, MappingProblem[]>>();
  #byPath: { fields: Map<string, string | null>; entities: Map<string, EntityMaker> } | undefined;

  field(path: ResponsePath, connector: string | null): void {
    // The field at `path` was resolved by this connector, or (null) by a TypeScript resolver.
    this.#fields.push([path, connector]);
    this.#byPath = undefined;
  }

  entity(path: ResponsePath, maker: EntityMaker): void {
    // The object at `path` was completed by key by this entity connector.
    this.#entities.push([path, maker]);
    this.#byPath = undefined;
  }

  mappingProblems(connector: string, problems: readonly MappingProblem[]): void {
    // What a connector's selection met while mapping this response's data, by connector, then by place in its selection: each message once, a few per place.
    let kept = this.#problems.get(connector);
    if (!kept) this.#problems.set(connector, (kept = new Map()));
    for (const problem of problems) {
      let atPlace = kept.get(problem.offset);
      if (!atPlace) kept.set(problem.offset, (atPlace = []));
      if (atPlace.length < MESSAGES_PER_PLACE && !atPlace.some(({ message }) => message === problem.message)) atPlace.push(problem);
    }
  }

  makerOf(path: readonly (string | number)[], field: string): Maker | undefined {
    // The connector that made the value at `path`, an error's response path
    // (`['people', 3, 'age']`), whose last field is named `field` in the
    // schema (the path holds its alias, if any); with the problems its mapping
    // met on the way there. Undefined when a TypeScript resolver made it, or nothing recorded did.
    const { fields, entities } = (this.#byPath ??= {
      fields: new Map(this.#fields.map(([at, connector]) => [keyOf(at), connector])),
      entities: new Map(this.#entities.map(([at, maker]) => [keyOf(at), maker])),
    });
    for (let end = path.length; end > 0; end--) {
      const at = path.slice(0, end).join('.');
      // The fields from there down to the error, list positions aside.
      const below = path.slice(end).filter((key): key is string => typeof key === 'string');
      if (below.length && typeof path.at(-1) === 'string') below[below.length - 1] = field;
      const entity = entities.get(at);
      if (entity && below[0] !== undefined && entity.provides.includes(below[0])) return this.#made(entity.connector, below);
      const connector = fields.get(at);
      if (connector !== undefined) return connector === null ? undefined : this.#made(connector, below);
    }
    return undefined;
  }

  #made(connector: string, below: readonly string[]): Maker {
    // The problems of a connector's mapping on the way to `below`: those of the field itself or of one above it.
    const problems = [...(this.#problems.get(connector)?.values() ?? [])].flat();
    const relevant = problems.filter(({ field }) => field.every((name, i) => below[i] === name));
    return { connector, problems: relevant.map(({ message }) => message) };
  }
}

function keyOf(path: ResponsePath): string {
  return responsePathAsArray(path).join('.');
}

/** The output field, nested, whose expression holds `offset`: the last field starting at or before it, at each depth. */
function outputFieldAt(selection: Selection, offset: number): string[] {
  const field: string[] = [];
  let fields = outputFields(selection.ast);
  for (;;) {
    const holding = fields.findLast((each) => each.offset <= offset);
    if (!holding) return field;
    field.push(holding.name);
    if (!holding.sub) return field;
    fields = subFields(holding.sub);
  }
}
