/**
 * One conformance case of the mapping language: a selection, its input and
 * variables, and what Apollo's engine answers. Written in our own words from
 * Apollo's documented examples and from the behaviour that the tests of
 * apollographql/router pin down (read at commit
 * 27d8f600c5f2bead656b5ee81adc422b7b15922b, under
 * apollo-federation/src/connectors/json_selection/).
 */
export interface MappingCase {
  /** Where the behaviour is pinned: `router json_selection/methods/public/slice.rs: slice_should_…`, or `docs: Mapping language, methods`. */
  source: string;
  selection: string;
  /** The data the selection reads (`$`, and `@` at the top): null when left out. */
  input?: unknown;
  /** Variables by their written name: `{ $args: { id: 1 }, $this: { … } }`. */
  vars?: Record<string, unknown>;
  /** The output. Left out (no `expected` key): Apollo answers no value at all. */
  expected?: unknown;
  /** Messages Apollo reports while applying, in its words; each must be among ours. Left out: none. */
  errors?: string[];
  /** The selection does not compile: part of the message. */
  syntaxError?: string;
}
