import type { MappingCase } from './case.ts';

/**
 * The core language: fields, aliases, quoted keys, paths, variables, arrays,
 * groups, `$(...)` literals, `?`, `??`/`?!`, `...` and `->as`. Apollo's tests
 * pin each behaviour; where they are versioned, these follow connect/v0.4.
 * Methods stay among the trivial ones (echo, first, last, size, map, add, mul,
 * eq, not, slice, as) so that a failure here points at the language itself.
 */

const APPLY = 'router json_selection/apply_to.rs';
const AS = 'router json_selection/methods/public/as.rs';
const LIT = 'router json_selection/lit_expr.rs';
const PARSER = 'router json_selection/parser.rs';
const README = 'router json_selection/README.md';

const greetings = {
  hello: 'world',
  nested: { hello: 'world', world: 'hello' },
  array: [{ hello: 'world 0' }, { hello: 'world 1' }, { hello: 'world 2' }],
};

const mixed = {
  hello: 'world',
  nested: { hello: 123, world: true },
  array: [{ hello: 1, goodbye: 'farewell' }, { hello: 'two' }, { hello: 3.0, smello: 'yellow' }],
};

const arrayOfArrays = {
  arrayOfArrays: [
    [{ x: 0, y: 0 }],
    [
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 1, y: 2 },
    ],
    [
      { x: 2, y: 0 },
      { x: 2, y: 1 },
    ],
    [],
    [null, { x: 4, y: 1 }, { x: 4, why: 2 }, null, { x: 4, y: 4 }],
  ],
};

const ben = { id: 123, name: 'Ben', friend_ids: [234, 345, 456] };

const chat = {
  id: 123,
  created: '2021-01-01T00:00:00Z',
  model: 'gpt-4o',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'The capital of Australia is Canberra.' } },
    { index: 1, message: { role: 'assistant', content: 'The capital of Australia is Sydney.' } },
  ],
};
const chatFirst = { id: 123, created: '2021-01-01T00:00:00Z', model: 'gpt-4o', role: 'assistant', content: 'The capital of Australia is Canberra.' };
const chatLast = { id: 123, created: '2021-01-01T00:00:00Z', model: 'gpt-4o', role: 'assistant', message: 'The capital of Australia is Sydney.' };
const chatBoth = {
  id: 123,
  created: '2021-01-01T00:00:00Z',
  model: 'gpt-4o',
  role: 'assistant',
  correct: 'The capital of Australia is Canberra.',
  incorrect: 'The capital of Australia is Sydney.',
};

const thisAndArgs = {
  $this: { id: 1234 },
  $args: { input: { title: 'The capital of Australia', body: 'Canberra' }, extra: 'extra' },
};
const fromThisAndArgs = { id: 1234, title: 'The capital of Australia', body: 'Canberra', from: 'data' };

const oddKeys = {
  'not an identifier': [{ 'also.not.an.identifier': 0 }, { 'also.not.an.identifier': 1 }, { 'also.not.an.identifier': 2 }],
  another: { 'pesky string literal!': { identifier: 123, '{ evil braces }': true } },
};

const batch = { batch: [{ id: 1 }, { id: 2 }, { id: 3 }] };
const alice = { person: { id: 1, name: 'Alice' } };
const abData = { a: { phonetic: 'ay' }, b: { phonetic: 'bee' } };

export const cases: MappingCase[] = [
  // Fields, paths and subselections.
  { source: `${APPLY}: test_apply_to_selection`, selection: 'hello', input: greetings, expected: { hello: 'world' } },
  { source: `${APPLY}: test_apply_to_selection`, selection: 'nested', input: greetings, expected: { nested: { hello: 'world', world: 'hello' } } },
  { source: `${APPLY}: test_apply_to_selection`, selection: 'nested.hello', input: greetings, expected: 'world' },
  { source: `${APPLY}: test_apply_to_selection`, selection: '$.nested.world', input: greetings, expected: 'hello' },
  {
    source: `${APPLY}: test_apply_to_selection`,
    selection: 'nested hello',
    input: greetings,
    expected: { hello: 'world', nested: { hello: 'world', world: 'hello' } },
  },
  {
    source: `${APPLY}: test_apply_to_selection`,
    selection: 'array { hello }',
    input: greetings,
    expected: { array: [{ hello: 'world 0' }, { hello: 'world 1' }, { hello: 'world 2' }] },
  },
  {
    source: `${APPLY}: test_apply_to_selection`,
    selection: 'greetings: array { hello }',
    input: greetings,
    expected: { greetings: [{ hello: 'world 0' }, { hello: 'world 1' }, { hello: 'world 2' }] },
  },
  {
    source: `${APPLY}: test_apply_to_selection`,
    selection: '$.array { hello }',
    input: greetings,
    expected: [{ hello: 'world 0' }, { hello: 'world 1' }, { hello: 'world 2' }],
  },
  { source: `${APPLY}: test_apply_to_selection`, selection: 'worlds: array.hello', input: greetings, expected: { worlds: ['world 0', 'world 1', 'world 2'] } },
  { source: `${APPLY}: test_apply_to_selection`, selection: 'worlds: $.array.hello', input: greetings, expected: { worlds: ['world 0', 'world 1', 'world 2'] } },
  { source: `${APPLY}: test_apply_to_selection`, selection: 'array.hello', input: greetings, expected: ['world 0', 'world 1', 'world 2'] },
  {
    source: `${APPLY}: test_apply_to_selection`,
    selection: 'nested grouped: { hello worlds: array.hello }',
    input: greetings,
    expected: { nested: { hello: 'world', world: 'hello' }, grouped: { hello: 'world', worlds: ['world 0', 'world 1', 'world 2'] } },
  },
  {
    source: `${APPLY}: test_apply_to_selection`,
    selection: 'nested grouped: { hello worlds: $.array.hello }',
    input: greetings,
    expected: { nested: { hello: 'world', world: 'hello' }, grouped: { hello: 'world', worlds: ['world 0', 'world 1', 'world 2'] } },
  },

  // Missing properties: left out of objects, null in arrays, one error each.
  { source: `${APPLY}: test_apply_to_errors`, selection: 'hello', input: mixed, expected: { hello: 'world' } },
  { source: `${APPLY}: test_apply_to_errors`, selection: 'yellow', input: mixed, expected: {}, errors: ['Property .yellow not found in object'] },
  { source: `${APPLY}: test_apply_to_errors`, selection: '$.yellow', input: mixed, errors: ['Property .yellow not found in object'] },
  { source: `${APPLY}: test_apply_to_errors`, selection: 'nested.hello', input: mixed, expected: 123 },
  { source: `${APPLY}: test_apply_to_errors`, selection: "nested.'yellow'", input: mixed, errors: ['Property ."yellow" not found in object'] },
  { source: `${APPLY}: test_apply_to_errors`, selection: 'nested."yellow"', input: mixed, errors: ['Property ."yellow" not found in object'] },
  { source: `${APPLY}: test_apply_to_errors`, selection: "$.nested.'yellow'", input: mixed, errors: ['Property ."yellow" not found in object'] },
  {
    source: `${APPLY}: test_apply_to_errors`,
    selection: '$.nested { hola yellow world }',
    input: mixed,
    expected: { world: true },
    errors: ['Property .hola not found in object', 'Property .yellow not found in object'],
  },
  {
    source: `${APPLY}: test_apply_to_errors`,
    selection: ' $ . nested { hola yellow world } ',
    input: mixed,
    expected: { world: true },
    errors: ['Property .hola not found in object', 'Property .yellow not found in object'],
  },
  {
    source: `${APPLY}: test_apply_to_errors (one error per element: paths array.1.goodbye and array.2.goodbye)`,
    selection: 'partial: $.array { hello goodbye }',
    input: mixed,
    expected: { partial: [{ hello: 1, goodbye: 'farewell' }, { hello: 'two' }, { hello: 3 }] },
    errors: ['Property .goodbye not found in object', 'Property .goodbye not found in object'],
  },
  {
    source: `${APPLY}: test_apply_to_errors`,
    selection: ' partial : $ . array { hello goodbye } ',
    input: mixed,
    expected: { partial: [{ hello: 1, goodbye: 'farewell' }, { hello: 'two' }, { hello: 3 }] },
    errors: ['Property .goodbye not found in object', 'Property .goodbye not found in object'],
  },
  {
    source: `${APPLY}: test_apply_to_errors (paths array.0.smello and array.1.smello)`,
    selection: 'good: array.hello bad: array.smello',
    input: mixed,
    expected: { good: [1, 'two', 3], bad: [null, null, 'yellow'] },
    errors: ['Property .smello not found in object', 'Property .smello not found in object'],
  },
  {
    source: `${APPLY}: test_apply_to_errors`,
    selection: 'array { hello smello }',
    input: mixed,
    expected: { array: [{ hello: 1 }, { hello: 'two' }, { hello: 3, smello: 'yellow' }] },
    errors: ['Property .smello not found in object', 'Property .smello not found in object'],
  },
  {
    source: `${APPLY}: test_apply_to_errors`,
    selection: '$.nested { grouped: { hello smelly world } }',
    input: mixed,
    expected: { grouped: { hello: 123, world: true } },
    errors: ['Property .smelly not found in object'],
  },
  {
    source: `${APPLY}: test_apply_to_errors`,
    selection: 'alias: $.nested { grouped: { hello smelly world } }',
    input: mixed,
    expected: { alias: { grouped: { hello: 123, world: true } } },
    errors: ['Property .smelly not found in object'],
  },

  // Nested arrays: a key maps over every level; a missing key is null in place.
  {
    source: `${APPLY}: test_apply_to_nested_arrays (paths arrayOfArrays.4.0.x and .4.3.x)`,
    selection: 'arrayOfArrays.x',
    input: arrayOfArrays,
    expected: [[0], [1, 1, 1], [2, 2], [], [null, 4, 4, null, 4]],
    errors: ['Property .x not found in null', 'Property .x not found in null'],
  },
  {
    source: `${APPLY}: test_apply_to_nested_arrays`,
    selection: '$.arrayOfArrays.y',
    input: arrayOfArrays,
    expected: [[0], [0, 1, 2], [0, 1], [], [null, 1, null, null, 4]],
    errors: ['Property .y not found in null', 'Property .y not found in object', 'Property .y not found in null'],
  },
  {
    source: `${APPLY}: test_apply_to_nested_arrays (five errors: x and y for each null, y for { x, why })`,
    selection: 'alias: arrayOfArrays { x y }',
    input: arrayOfArrays,
    expected: {
      alias: [
        [{ x: 0, y: 0 }],
        [
          { x: 1, y: 0 },
          { x: 1, y: 1 },
          { x: 1, y: 2 },
        ],
        [
          { x: 2, y: 0 },
          { x: 2, y: 1 },
        ],
        [],
        [null, { x: 4, y: 1 }, { x: 4 }, null, { x: 4, y: 4 }],
      ],
    },
    errors: [
      'Property .x not found in null',
      'Property .y not found in null',
      'Property .y not found in object',
      'Property .x not found in null',
      'Property .y not found in null',
    ],
  },
  {
    source: `${APPLY}: test_apply_to_nested_arrays`,
    selection: 'ys: $.arrayOfArrays.y xs: $.arrayOfArrays.x',
    input: arrayOfArrays,
    expected: {
      ys: [[0], [0, 1, 2], [0, 1], [], [null, 1, null, null, 4]],
      xs: [[0], [1, 1, 1], [2, 2], [], [null, 4, 4, null, 4]],
    },
    errors: [
      'Property .y not found in null',
      'Property .y not found in object',
      'Property .y not found in null',
      'Property .x not found in null',
      'Property .x not found in null',
    ],
  },

  // $ is the value the closest { ... } applies to; variables come from outside.
  { source: `${APPLY}: test_apply_to_variable_expressions`, selection: 'id: $', input: 123, expected: { id: 123 } },
  {
    source: `${APPLY}: test_apply_to_variable_expressions`,
    selection: 'id name friends: friend_ids { id: $ }',
    input: ben,
    expected: { id: 123, name: 'Ben', friends: [{ id: 234 }, { id: 345 }, { id: 456 }] },
  },
  {
    source: `${APPLY}: test_apply_to_variable_expressions`,
    selection: 'id: $args.id name',
    input: ben,
    vars: { $args: { id: 'id from args' } },
    expected: { id: 'id from args', name: 'Ben' },
  },
  {
    source: `${APPLY}: test_apply_to_variable_expressions`,
    selection: 'nested.path { id: $args.id name }',
    input: { nested: { path: ben } },
    expected: { name: 'Ben' },
    errors: ['Variable $args not found'],
  },
  {
    source: `${APPLY}: test_apply_to_variable_expressions`,
    selection: 'id: $args.id name',
    input: ben,
    vars: { $args: { unused: 'ignored' } },
    expected: { name: 'Ben' },
    errors: ['Property .id not found in object'],
  },
  {
    source: `${APPLY}: test_apply_to_variable_expressions (a variable path is not mapped over an input list)`,
    selection: '$args.id',
    input: [1, 2, 3],
    vars: { $args: { id: 'id from args' } },
    expected: 'id from args',
  },
  {
    source: `${APPLY}: test_apply_to_variable_expressions_typename`,
    selection: "__typename: $->echo('Product') reviews { __typename: $->echo('Review') }",
    input: { reviews: [{}] },
    expected: { __typename: 'Product', reviews: [{ __typename: 'Review' }] },
  },
  { source: `${APPLY}: PathList::Var (an unbound variable)`, selection: '$x', input: { x: 1 }, errors: ['Variable $x not found'] },
  { source: `${APPLY}: PathList::Var (an unbound variable)`, selection: 'a: $x b', input: { b: 2 }, expected: { b: 2 }, errors: ['Variable $x not found'] },
  { source: `${APPLY}: PathList::Var (an unbound variable)`, selection: 'id: $this.id', input: {}, expected: {}, errors: ['Variable $this not found'] },
  { source: `${PARSER}: test_path_selection ($ alone)`, selection: '$', input: { a: 1 }, expected: { a: 1 } },
  { source: `${PARSER}: test_path_selection ($this alone)`, selection: '$this', input: {}, vars: { $this: { id: 7 } }, expected: { id: 7 } },
  { source: `${README}: AtPath (@ is the current value)`, selection: '@', input: { a: 1 }, expected: { a: 1 } },
  { source: `${README}: AtPath`, selection: '@.a.b', input: { a: { b: 'c' } }, expected: 'c' },
  {
    source: `${PARSER}: test_path_selection (value: $ a { b c })`,
    selection: 'value: $ a { b c }',
    input: { a: { b: 1, c: 2, d: 3 } },
    expected: { value: { a: { b: 1, c: 2, d: 3 } }, a: { b: 1, c: 2 } },
  },
  {
    source: `${README}: VarPath (id: $args.id name email)`,
    selection: '# the endpoint returns no id, so it is injected:\nid: $args.id\nname\nemail',
    input: { name: 'Ada', email: 'ada@example.com' },
    vars: { $args: { id: '7' } },
    expected: { id: '7', name: 'Ada', email: 'ada@example.com' },
  },

  // $(...) literal expressions.
  { source: `${APPLY}: test_literal_expressions_in_parentheses`, selection: "__typename: $('Product')", input: {}, expected: { __typename: 'Product' } },
  {
    source: `${APPLY}: test_literal_expressions_in_parentheses (a bare quoted string is a key, not a literal)`,
    selection: " __typename : 'Product' ",
    input: {},
    expected: {},
    errors: ['Property ."Product" not found in object'],
  },
  {
    source: `${APPLY}: test_literal_expressions_in_parentheses`,
    selection: `
      one: $(1)
      two: $(2)
      negativeThree: $(-  3)
      true: $(true  )
      false: $(  false)
      null: $(null)
      string: $("string")
      array: $( [ 1 , 2 , 3 ] )
      object: $( { "key" : "value" } )
      path: $(nested.path)
    `,
    input: { nested: { path: 'nested path value' } },
    expected: {
      one: 1,
      two: 2,
      negativeThree: -3,
      true: true,
      false: false,
      null: null,
      string: 'string',
      array: [1, 2, 3],
      object: { key: 'value' },
      path: 'nested path value',
    },
  },
  {
    source: `${APPLY}: test_literal_expressions_in_parentheses (without ->entries; the trailing comma is accepted)`,
    selection: `
      $({
        one: 1,
        two: 2,
        negativeThree: -3,
        true: true,
        false: false,
        null: null,
        string: "string",
        array: [1, 2, 3],
        object: { "key": "value" },
        path: $ . nested . path ,
      })
    `,
    input: { nested: { path: 'nested path value' } },
    expected: {
      one: 1,
      two: 2,
      negativeThree: -3,
      true: true,
      false: false,
      null: null,
      string: 'string',
      array: [1, 2, 3],
      object: { key: 'value' },
      path: 'nested path value',
    },
  },
  {
    source: `${APPLY}: test_literal_expressions_in_parentheses (without the ->get property)`,
    selection: `
      $({
        string: $("string")->slice(1, 4),
        array: $([1, 2, 3])->map(@->add(10)),
        path: nested.path->slice($("nested ")->size),
        needlessParens: $("oyez"),
        withoutParens: "oyez",
      })
    `,
    input: { nested: { path: 'nested path value' } },
    expected: { string: 'tri', array: [11, 12, 13], path: 'path value', needlessParens: 'oyez', withoutParens: 'oyez' },
  },
  {
    source: `${APPLY}: test_literal_expressions_in_parentheses (without the ->get property)`,
    selection: `
      string: $("string")->slice(1, 4)
      array: $([1, 2, 3])->map(@->add(10))
      path: nested.path->slice($("nested ")->size)
    `,
    input: { nested: { path: 'nested path value' } },
    expected: { string: 'tri', array: [11, 12, 13], path: 'path value' },
  },
  {
    source: `${APPLY}: test_literal_expressions_in_parentheses (->map over literals, ->typeof left out)`,
    selection: 'items: $([1, -2.0, true, false, null, "string", [1, 2, 3], { "key": "value" }, nested.path,])->map(@)',
    input: { nested: { path: { deeply: 'nested' } } },
    expected: { items: [1, -2, true, false, null, 'string', [1, 2, 3], { key: 'value' }, { deeply: 'nested' }] },
  },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: "$('hello')", input: {}, expected: 'hello' },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: '$( "hello" )', input: {}, expected: 'hello' },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: '$(-123)', input: {}, expected: -123 },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: '$( - 123 )', input: {}, expected: -123 },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: '$(123.456)', input: {}, expected: 123.456 },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: '$(.456)', input: {}, expected: 0.456 },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: '$(-.456)', input: {}, expected: -0.456 },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: 'n: $(.5)', input: {}, expected: { n: 0.5 } },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: '$(123.)', input: {}, expected: 123 },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: '$(-123.)', input: {}, expected: -123 },
  { source: `${LIT}: test_lit_expr_parse_primitives (leading zeros)`, selection: 'a: $(00) b: $(001) c: $(0010) d: $(00.10) e: $(-001) f: $( - 0010 ) g: $(007.)', input: {}, expected: { a: 0, b: 1, c: 10, d: 0.1, e: -1, f: -10, g: 7 } },
  { source: `${LIT}: test_lit_expr_parse_primitives`, selection: 'yes: $( true ) no: $( false ) nothing: $( null )', input: {}, expected: { yes: true, no: false, nothing: null } },
  { source: `${LIT}: test_lit_expr_parse_objects`, selection: '$({a: 1})', input: {}, expected: { a: 1 } },
  { source: `${LIT}: test_lit_expr_parse_objects`, selection: "$({'a': 1, 'b': 2})", input: {}, expected: { a: 1, b: 2 } },
  { source: `${LIT}: test_lit_expr_parse_objects`, selection: '$({ "a" : 1, b: 2 })', input: {}, expected: { a: 1, b: 2 } },
  { source: `${LIT}: test_lit_expr_parse_objects (quoted keys need not be identifiers)`, selection: "$({ 'a b': 1, \"c-d\": 2 })", input: {}, expected: { 'a b': 1, 'c-d': 2 } },
  { source: `${LIT}: test_lit_expr_parse_arrays`, selection: "$([1, true, 'three'])", input: {}, expected: [1, true, 'three'] },
  { source: `${LIT}: test_lit_expr_parse_arrays`, selection: '$([])', input: {}, expected: [] },
  {
    source: `${LIT}: test_lit_expr_parse_paths`,
    selection: '$([ $ . a , b . c , d . e . f , ])',
    input: { a: 1, b: { c: 2 }, d: { e: { f: 3 } } },
    expected: [1, 2, 3],
  },
  {
    source: `${LIT}: test_lit_expr_parse_paths`,
    selection: '$({\n  a: $args.a,\n  b: $this.b,\n})',
    input: {},
    vars: { $args: { a: 'A' }, $this: { b: 'B' } },
    expected: { a: 'A', b: 'B' },
  },
  {
    source: `${APPLY}: LitExpr::Object (a property with no value is left out)`,
    selection: '$({ a: $.missing, b: 1 })',
    input: {},
    expected: { b: 1 },
    errors: ['Property .missing not found in object'],
  },
  {
    source: `${APPLY}: LitExpr::Array (an item with no value is null)`,
    selection: '$([$.missing, 1])',
    input: {},
    expected: [null, 1],
    errors: ['Property .missing not found in object'],
  },
  { source: `${PARSER}: parse_string_literal (backslash escapes the quote)`, selection: "$('it\\'s')", input: {}, expected: "it's" },
  { source: `${PARSER}: parse_string_literal (backslash escapes the quote)`, selection: '$("say \\"hi\\"")', input: {}, expected: 'say "hi"' },
  { source: `${LIT}: test_shorthand_object_property (connect/v0.4 only)`, selection: '$({ a, b: 1 })', input: { a: 5 }, expected: { a: 5, b: 1 } },
  { source: `${LIT}: test_shorthand_object_property (connect/v0.4 only; a null a? is left out)`, selection: '$({ a?, b })', input: { a: null, b: 2 }, expected: { b: 2 } },
  {
    source: `${LIT}: test_shorthand_object_property (connect/v0.4 only; inner braces are a subselection)`,
    selection: '$({ a? { b c? }, d })',
    input: { a: { b: 1, c: null, z: 0 }, d: 4 },
    expected: { a: { b: 1 }, d: 4 },
  },
  {
    source: `${README}: ExprPath`,
    selection: '__typename: $("Product")\ncondition: $(true)',
    input: {},
    expected: { __typename: 'Product', condition: true },
  },
  {
    source: `${README}: ExprPath ("Probably incorrect because true parses as a field name")`,
    selection: 'condition: true',
    input: {},
    expected: {},
    errors: ['Property .true not found in object'],
  },
  {
    source: `${README}: ExprPath`,
    selection: 'alphabetSlice: $("abcdefghijklmnopqrstuvwxyz")->slice($args.start, $args.end)',
    input: {},
    vars: { $args: { start: 2, end: 5 } },
    expected: { alphabetSlice: 'cde' },
  },

  // LitPaths: a literal followed by steps, inside $(...) and method arguments.
  { source: `${APPLY}: test_lit_paths`, selection: '$("a")->first', input: { value: { key: 123 } }, expected: 'a' },
  { source: `${APPLY}: test_lit_paths`, selection: "$('asdf'->last)", input: { value: { key: 123 } }, expected: 'f' },
  { source: `${APPLY}: test_lit_paths`, selection: '$(1234)->add(1111)', input: { value: { key: 123 } }, expected: 2345 },
  { source: `${APPLY}: test_lit_paths`, selection: '$(1234->add(1111))', input: { value: { key: 123 } }, expected: 2345 },
  { source: `${APPLY}: test_lit_paths`, selection: '$(value.key->mul(10))', input: { value: { key: 123 } }, expected: 1230 },
  { source: `${APPLY}: test_lit_paths`, selection: '$(value.key)->mul(10)', input: { value: { key: 123 } }, expected: 1230 },
  { source: `${APPLY}: test_lit_paths`, selection: '$([1, 2, 3])->last', input: { value: { key: 123 } }, expected: 3 },
  { source: `${APPLY}: test_lit_paths`, selection: '$([1, 2, 3]->first)', input: { value: { key: 123 } }, expected: 1 },
  { source: `${APPLY}: test_lit_paths`, selection: "$({ a: 'ay', b: 1 }).a", input: { value: { key: 123 } }, expected: 'ay' },
  { source: `${APPLY}: test_lit_paths`, selection: "$({ a: 'ay', b: 2 }.a)", input: { value: { key: 123 } }, expected: 'ay' },
  { source: `${APPLY}: test_lit_paths (- binds tighter than ->: 9, not -11)`, selection: '$(-1->add(10))', input: { value: { key: 123 } }, expected: 9 },
  {
    source: `${README}: LitPath (celsius left out)`,
    selection: `
      object: $({
        sd: "asdf"->slice(1, 3),
        sum: 1234->add(5678),
        nine: -1->add(10),
        false: true->not,
        true: false->not,
        twenty: { a: 1, b: 2 }.b->mul(10),
        last: [1, 2, 3]->last,
        justA: "abc"->first,
        justC: "abc"->last,
      })
    `,
    input: {},
    expected: { object: { sd: 'sd', sum: 6912, nine: 9, false: false, true: true, twenty: 20, last: 3, justA: 'a', justC: 'c' } },
  },
  {
    source: `${README}: LitPath (fieldEntries left out)`,
    selection: 'object: $({ stringPrefix: "quoted field"->slice(0, "quoted"->size) })',
    input: { 'quoted field': { x: 1 } },
    expected: { object: { stringPrefix: 'quoted' } },
  },
  { source: `${README}: LitPath (nested $(...))`, selection: 'justA: $($("abc")->first)\nnineAgain: $($(-1)->add($(10)))', input: {}, expected: { justA: 'a', nineAgain: 9 } },

  // Paths with a subselection merge their fields into the enclosing object.
  { source: `${APPLY}: test_inline_paths_with_subselections`, selection: 'id\ncreated\nmodel\nrole: choices->first.message.role\ncontent: choices->first.message.content', input: chat, expected: chatFirst },
  { source: `${APPLY}: test_inline_paths_with_subselections`, selection: 'id\ncreated\nmodel\nchoices->first.message {\n  role\n  content\n}', input: chat, expected: chatFirst },
  { source: `${APPLY}: test_inline_paths_with_subselections`, selection: 'id\nchoices->first.message { role content }\ncreated\nmodel', input: chat, expected: chatFirst },
  { source: `${APPLY}: test_inline_paths_with_subselections`, selection: 'created\nchoices->last.message {\n  message: content\n  role\n}\nmodel\nid', input: chat, expected: chatLast },
  {
    source: `${APPLY}: test_inline_paths_with_subselections`,
    selection: 'id created model\nchoices->first.message { role correct: content }\nchoices->last.message { incorrect: content }',
    input: chat,
    expected: chatBoth,
  },
  {
    source: `${APPLY}: test_inline_paths_with_subselections`,
    selection: 'id created\ncorrect: choices->first.message.content\nchoices->last.message { role incorrect: content }\nmodel',
    input: chat,
    expected: chatBoth,
  },
  { source: `${APPLY}: test_inline_paths_with_subselections`, selection: 'id: $this.id\n$args.input {\n  title\n  body\n}\nfrom', input: { from: 'data' }, vars: thisAndArgs, expected: fromThisAndArgs },
  { source: `${APPLY}: test_inline_paths_with_subselections`, selection: '$args.input { body title }\nfrom\nid: $this.id', input: { from: 'data' }, vars: thisAndArgs, expected: fromThisAndArgs },
  { source: `${APPLY}: test_inline_paths_with_subselections`, selection: 'id: $this.id\n$args { $.input { title body } }\nfrom', input: { from: 'data' }, vars: thisAndArgs, expected: fromThisAndArgs },
  {
    source: `${APPLY}: test_inline_paths_with_subselections`,
    selection: 'id: $this.id\n$args { $.input { title body } extra }\nfrom: $.from',
    input: { from: 'data' },
    vars: thisAndArgs,
    expected: { ...fromThisAndArgs, extra: 'extra' },
  },
  {
    source: `${APPLY}: test_inline_paths_with_subselections (comments)`,
    selection: `
      # Equivalent to id: $this.id
      $this { id }

      $args {
        __typename: $("Args")

        # Requiring $. instead of just . prevents .input from
        # parsing as a key applied to the $("Args") string.
        $.input { title body }

        extra
      }

      from: $.from
    `,
    input: { from: 'data' },
    vars: thisAndArgs,
    expected: { ...fromThisAndArgs, __typename: 'Args', extra: 'extra' },
  },
  {
    source: `${APPLY}: test_inline_path_errors`,
    selection: 'id\ncreated\nmodel\nchoices->first.message { role content }',
    input: {
      id: 123,
      created: '2021-01-01T00:00:00Z',
      model: 'gpt-4o',
      choices: [{ message: 'The capital of Australia is Canberra.' }, { message: 'The capital of Australia is Sydney.' }],
    },
    expected: { id: 123, created: '2021-01-01T00:00:00Z', model: 'gpt-4o' },
    errors: ['Property .role not found in string', 'Property .content not found in string', 'Expected object or null, not string'],
  },
  {
    source: `${APPLY}: test_inline_path_errors`,
    selection: 'id nested.path.nonexistent { name }',
    input: { id: 2345, nested: { path: 'nested path value' } },
    expected: { id: 2345 },
    errors: ['Property .nonexistent not found in string', 'Inlined path produced no value'],
  },
  { source: `${APPLY}: test_inline_path_errors (some.object { } spread)`, selection: 'some.object { key }', input: { some: { object: { key: 'value' } } }, expected: { key: 'value' } },
  {
    source: `${README}: NamedSelection (alias over a path with a subselection)`,
    selection: 'id\nauthor { name }\nabc: some.nested.path { a b c }',
    input: { id: 1, author: { name: 'Ann', age: 40 }, some: { nested: { path: { a: 1, b: 2, c: 3, d: 4 } } } },
    expected: { id: 1, author: { name: 'Ann' }, abc: { a: 1, b: 2, c: 3 } },
  },
  {
    source: `${README}: NamedSelection (no alias: the fields merge)`,
    selection: 'id\nauthor { name }\nsome.nested.path { a b c }',
    input: { id: 1, author: { name: 'Ann', age: 40 }, some: { nested: { path: { a: 1, b: 2, c: 3, d: 4 } } } },
    expected: { id: 1, author: { name: 'Ann' }, a: 1, b: 2, c: 3 },
  },
  {
    source: `${README}: KeyPath ($.data { id name } equals id: data.id name: data.name)`,
    selection: '$.data { id name }',
    input: { data: { id: 1, name: 'n', extra: true } },
    expected: { id: 1, name: 'n' },
  },
  {
    source: `${README}: KeyPath`,
    selection: 'items: data.nested.items { id name }\nfirstItem: data.nested.items->first { id name }\nfirstItemName: data.nested.items->first.name',
    input: { data: { nested: { items: [{ id: 1, name: 'one', x: 0 }, { id: 2, name: 'two' }] } } },
    expected: { items: [{ id: 1, name: 'one' }, { id: 2, name: 'two' }], firstItem: { id: 1, name: 'one' }, firstItemName: 'one' },
  },
  {
    source: `${README}: Single-Key path selections (in a literal, author { name } has no output key)`,
    selection: 'author->echo([@.name, author.name, author { name }])',
    input: { author: { name: 'Ben' } },
    expected: ['Ben', 'Ben', { name: 'Ben' }],
  },
  {
    source: `${README}: Single-Key path selections`,
    selection: '$.author->echo([@.name, $.author.name, $.author { name }])',
    input: { author: { name: 'Ben' } },
    expected: ['Ben', 'Ben', { name: 'Ben' }],
  },

  // Named groups.
  {
    source: `${README}: Named group selections`,
    selection: 'names: {\n  first: firstName\n  last: lastName\n}\n# Also allowed:\nfirstName\nlastName',
    input: { firstName: 'Ada', lastName: 'Lovelace' },
    expected: { names: { first: 'Ada', last: 'Lovelace' }, firstName: 'Ada', lastName: 'Lovelace' },
  },
  {
    source: `${README}: Named group selections`,
    selection: 'postID\ntitle\nauthor: {\n  id: authorID\n  name: authorName\n}',
    input: { postID: 'p1', title: 'T', authorID: 'a1', authorName: 'Ann' },
    expected: { postID: 'p1', title: 'T', author: { id: 'a1', name: 'Ann' } },
  },
  {
    source: `${README}: PathSelection`,
    selection: 'title\nyear: publication.year\nauthorName: author.name',
    input: { title: 'T', publication: { year: 1999 }, author: { name: 'Ann' } },
    expected: { title: 'T', year: 1999, authorName: 'Ann' },
  },

  // Quoted keys.
  {
    source: `${APPLY}: test_apply_to_non_identifier_properties`,
    selection: "alias: 'not an identifier' { safe: 'also.not.an.identifier' }",
    input: oddKeys,
    expected: { alias: [{ safe: 0 }, { safe: 1 }, { safe: 2 }] },
  },
  { source: `${APPLY}: test_apply_to_non_identifier_properties`, selection: "'not an identifier'.'also.not.an.identifier'", input: oddKeys, expected: [0, 1, 2] },
  { source: `${APPLY}: test_apply_to_non_identifier_properties`, selection: "$.'not an identifier'.'also.not.an.identifier'", input: oddKeys, expected: [0, 1, 2] },
  {
    source: `${APPLY}: test_apply_to_non_identifier_properties`,
    selection: '$."not an identifier" { safe: "also.not.an.identifier" }',
    input: oddKeys,
    expected: [{ safe: 0 }, { safe: 1 }, { safe: 2 }],
  },
  {
    source: `${APPLY}: test_apply_to_non_identifier_properties`,
    selection: "another {\n  pesky: 'pesky string literal!' {\n    identifier\n    evil: '{ evil braces }'\n  }\n}",
    input: oddKeys,
    expected: { another: { pesky: { identifier: 123, evil: true } } },
  },
  { source: `${APPLY}: test_apply_to_non_identifier_properties`, selection: "another.'pesky string literal!'.'{ evil braces }'", input: oddKeys, expected: true },
  { source: `${APPLY}: test_apply_to_non_identifier_properties`, selection: '$.another.\'pesky string literal!\'."identifier"', input: oddKeys, expected: 123 },
  {
    source: `${PARSER}: test_selection (a quoted field without alias keeps its name)`,
    selection: "$.results{'quoted without alias'{id'n a m e'}}",
    input: { results: { 'quoted without alias': { id: 1, 'n a m e': 'x', other: 0 } } },
    expected: { 'quoted without alias': { id: 1, 'n a m e': 'x' } },
  },
  { source: `${PARSER}: test_named_selection (quoted alias)`, selection: "'let go': 'my ego'", input: { 'my ego': 1 }, expected: { 'let go': 1 } },
  { source: `${README}: PathSelection (quoted keys along a path)`, selection: 'myID: people."Ben Newman".id', input: { people: { 'Ben Newman': { id: 9 } } }, expected: { myID: 9 } },

  // Left-associative paths: after a key maps over a list, later steps see the whole list.
  { source: `${APPLY}: test_left_associative_path_evaluation`, selection: 'batch.id->first', input: batch, expected: 1 },
  { source: `${APPLY}: test_left_associative_path_evaluation`, selection: 'batch.id->last', input: batch, expected: 3 },
  { source: `${APPLY}: test_left_associative_path_evaluation`, selection: 'batch.id->size', input: batch, expected: 3 },
  { source: `${APPLY}: test_left_associative_path_evaluation`, selection: 'batch.id->slice(1)->first', input: batch, expected: 2 },
  { source: `${APPLY}: test_left_associative_path_evaluation`, selection: 'batch.id->map({ batchId: @ })', input: batch, expected: [{ batchId: 1 }, { batchId: 2 }, { batchId: 3 }] },
  {
    source: `${APPLY}: test_left_associative_path_evaluation`,
    selection: '$batch.id->map({ batchId: @ })',
    input: { batch: 'ignored' },
    vars: { $batch: [{ id: 4 }, { id: 5 }, { id: 6 }] },
    expected: [{ batchId: 4 }, { batchId: 5 }, { batchId: 6 }],
  },
  { source: `${APPLY}: test_left_associative_path_evaluation`, selection: 'batch.id->map({ batchId: @ })->last', input: batch, expected: { batchId: 3 } },
  {
    source: `${APPLY}: test_left_associative_path_evaluation`,
    selection: '$batch.id->map({ batchId: @ })->first',
    input: { batch: 'ignored' },
    vars: { $batch: [{ id: 4 }, { id: 5 }, { id: 6 }] },
    expected: { batchId: 4 },
  },
  {
    source: `${APPLY}: test_left_associative_path_evaluation`,
    selection: 'arrays.as.bs->echo({ echoed: @ })',
    input: { arrays: [{ as: { bs: [10, 20, 30] } }, { as: { bs: [40, 50, 60] } }, { as: { bs: [70, 80, 90] } }] },
    expected: {
      echoed: [
        [10, 20, 30],
        [40, 50, 60],
        [70, 80, 90],
      ],
    },
  },
  {
    source: `${APPLY}: test_left_associative_path_evaluation`,
    selection: 'arrays.as.bs->echo({ echoed: @ })',
    input: { arrays: [{ as: { bs: [10, 20, 30] } }, { as: [{ bs: [40, 50, 60] }, { bs: [70, 80, 90] }] }, { as: { bs: [100, 110, 120] } }] },
    expected: {
      echoed: [
        [10, 20, 30],
        [
          [40, 50, 60],
          [70, 80, 90],
        ],
        [100, 110, 120],
      ],
    },
  },
  { source: `${README}: ExprPath (array.field->map vs $(array.field)->map)`, selection: 'doubled: $(array.field)->map(@->mul(2))', input: { array: [{ field: 1 }, { field: 2 }, { field: 3 }] }, expected: { doubled: [2, 4, 6] } },
  {
    source: `${APPLY}: test_left_associative_path_evaluation (the README's [[2], [4], [6]] for array.field->map predates left-associative paths)`,
    selection: 'nested: array.field->map(@->mul(2))',
    input: { array: [{ field: 1 }, { field: 2 }, { field: 3 }] },
    expected: { nested: [2, 4, 6] },
  },
  {
    source: `${README}: AtPath`,
    selection: 'wrapped: field->echo({ fieldValue: @ })\nchildren: parent->echo([@.child1, @.child2, @.child3])',
    input: { field: 'f', parent: { child1: 1, child2: 2, child3: 3 } },
    expected: { wrapped: { fieldValue: 'f' }, children: [1, 2, 3] },
  },
  { source: `${README}: AtPath`, selection: 'doubled: numbers->map({ value: @->mul(2) })', input: { numbers: [1, 2] }, expected: { doubled: [{ value: 2 }, { value: 4 }] } },

  // Whole-input lists and non-object inputs.
  { source: `${README}: FAQ, What about arrays? (a list input maps the whole selection)`, selection: 'id', input: [{ id: 1 }, { id: 2 }], expected: [{ id: 1 }, { id: 2 }] },
  {
    source: `${README}: FAQ, What about arrays?`,
    selection: 'author.articles { titleDateAlias: { title date } }',
    input: { author: { articles: [{ title: 'a', date: 1, byline: { place: 'x' } }, { title: 'b', date: 2, byline: { place: 'y' } }] } },
    expected: [{ titleDateAlias: { title: 'a', date: 1 } }, { titleDateAlias: { title: 'b', date: 2 } }],
  },
  {
    source: `${README}: FAQ, What about arrays?`,
    selection: 'author.articles.byline.place',
    input: { author: { articles: [{ title: 'a', byline: { place: 'x' } }, { title: 'b', byline: { place: 'y' } }] } },
    expected: ['x', 'y'],
  },
  {
    source: `${README}: FAQ, What about arrays?`,
    selection: 'author.articles { name: author.name place: byline.place }',
    input: { author: { articles: [{ author: { name: 'A' }, byline: { place: 'x' } }] } },
    expected: [{ name: 'A', place: 'x' }],
  },
  {
    source: `${APPLY}: SubSelection::apply_to_path (a scalar with no selected fields is kept as it is)`,
    selection: 'hello',
    input: 'text',
    expected: 'text',
    errors: ['Property .hello not found in string'],
  },
  { source: `${APPLY}: test_compute_output_shape (the empty selection)`, selection: '', input: { a: 1 }, expected: {} },

  // Merging named selections.
  {
    source: `${APPLY}: SubSelection::apply_to_path (helpers.rs json_merge: a later value of another type wins, with an error)`,
    selection: "a: $(1) a: $('x')",
    input: {},
    expected: { a: 'x' },
    errors: ['Lossy merge replacing number with string'],
  },
  { source: `${APPLY}: SubSelection::apply_to_path (helpers.rs json_merge: same type, the later wins silently)`, selection: 'a: $(1) a: $(2)', input: {}, expected: { a: 2 } },
  { source: `${APPLY}: SubSelection::apply_to_path (helpers.rs json_merge: objects merge deeply)`, selection: 'a: { b } a: { c }', input: { b: 1, c: 2 }, expected: { a: { b: 1, c: 2 } } },
  {
    source: `${APPLY}: SubSelection::apply_to_path (helpers.rs json_merge: lists merge item by item)`,
    selection: 'list { a } list { b }',
    input: { list: [{ a: 1, b: 2, c: 3 }, { a: 4, b: 5 }] },
    expected: { list: [{ a: 1, b: 2 }, { a: 4, b: 5 }] },
  },

  // ? optional steps.
  { source: `${APPLY}: test_optional_key_access_with_existing_property`, selection: '$.user?.profile.name', input: { user: { profile: { name: 'Alice' } } }, expected: 'Alice' },
  { source: `${APPLY}: test_optional_key_access_with_null_value`, selection: '$.user?.profile.name', input: { user: null } },
  { source: `${APPLY}: test_optional_key_access_on_non_object`, selection: '$.user?.profile.name', input: { user: 'not an object' }, errors: ['Property .profile not found in string'] },
  { source: `${APPLY}: test_optional_key_access_with_missing_property`, selection: '$.user?.profile.name', input: { user: { other: 'value' } }, errors: ['Property .profile not found in object'] },
  { source: `${APPLY}: test_chained_optional_key_access`, selection: '$.user?.profile?.name', input: { user: { profile: { name: 'Alice' } } }, expected: 'Alice' },
  { source: `${APPLY}: test_chained_optional_access_with_null_in_middle`, selection: '$.user?.profile?.name', input: { user: { profile: null } } },
  { source: `${APPLY}: test_optional_method_on_null`, selection: '$.items?->first', input: { items: null } },
  { source: `${APPLY}: test_optional_method_with_valid_method`, selection: '$.values?->first', input: { values: [1, 2, 3] }, expected: 1 },
  { source: `${APPLY}: test_optional_method_with_unknown_method (unknown methods fail when applied, not when parsed; this gateway's build also warns)`, selection: '$.values?->length', input: { values: [1, 2, 3] }, errors: ['Method ->length not found'] },
  {
    source: `${APPLY}: test_optional_chaining_with_subselection_on_valid_data`,
    selection: '$.user?.profile { name age }',
    input: { user: { profile: { name: 'Alice', age: 30, email: 'alice@example.com' } } },
    expected: { name: 'Alice', age: 30 },
  },
  { source: `${APPLY}: test_optional_chaining_with_subselection_on_null_data`, selection: '$.user?.profile { name age }', input: { user: null } },
  {
    source: `${APPLY}: test_mixed_regular_and_optional_chaining_working_case`,
    selection: '$.response.data?.user.profile.name',
    input: { response: { data: { user: { profile: { name: 'Bob' } } } } },
    expected: 'Bob',
  },
  { source: `${APPLY}: test_mixed_regular_and_optional_chaining_with_null`, selection: '$.response.data?.user.profile.name', input: { response: { data: null } } },
  { source: `${APPLY}: test_optional_selection_set_with_valid_data`, selection: '$.user ?{ id name }', input: { user: { id: 123, name: 'Alice' } }, expected: { id: 123, name: 'Alice' } },
  { source: `${APPLY}: test_optional_selection_set_with_null_data`, selection: '$.user ?{ id name }', input: { user: null } },
  { source: `${APPLY}: test_optional_selection_set_with_missing_property`, selection: '$.user ?{ id name }', input: { other: 'value' } },
  {
    source: `${APPLY}: test_optional_selection_set_with_non_object`,
    selection: '$.user ?{ id name }',
    input: { user: 'not an object' },
    expected: 'not an object',
    errors: ['Property .id not found in string', 'Property .name not found in string'],
  },
  {
    source: `${APPLY}: test_nested_optional_selection_sets`,
    selection: '$.user.profile ?{ name email }',
    input: { user: { profile: { name: 'Alice', email: 'alice@example.com' } } },
    expected: { name: 'Alice', email: 'alice@example.com' },
  },
  { source: `${APPLY}: test_nested_optional_selection_sets`, selection: '$.user.profile ?{ name email }', input: { user: { profile: null } } },
  { source: `${APPLY}: test_mixed_optional_selection_and_optional_chaining`, selection: '$.user ?{ id profileName: profile?.name }', input: { user: { id: 123, profile: null } }, expected: { id: 123 } },
  { source: `${APPLY}: test_mixed_optional_selection_and_optional_chaining`, selection: '$.user ?{ id profileName: profile?.name }', input: { other: 'value' } },
  { source: `${APPLY}: test_optional_selection_set_parsing`, selection: '$.user? { id profile { name } }', input: { user: { id: 1, profile: { name: 'n', x: 0 } } }, expected: { id: 1, profile: { name: 'n' } } },
  {
    source: `${APPLY}: test_optional_selection_set_with_arrays`,
    selection: '$.users ?{ id name }',
    input: { users: [{ id: 1, name: 'Alice' }, null, { id: 3, name: 'Charlie' }] },
    expected: [{ id: 1, name: 'Alice' }, null, { id: 3, name: 'Charlie' }],
    errors: ['Property .id not found in null', 'Property .name not found in null'],
  },
  { source: `${APPLY}: test_optional_field_selections (a null author? leaves the key out)`, selection: 'author? { age middleName? }', input: { author: null }, expected: {} },
  { source: `${APPLY}: test_optional_field_selections (a missing middleName? is no error)`, selection: 'author? { age middleName? }', input: { author: { age: 40 } }, expected: { author: { age: 40 } } },
  { source: `${APPLY}: question_operator_should_map_null_to_none`, selection: '$(stringOrNull?)', input: { stringOrNull: 'a string' }, expected: 'a string' },
  { source: `${APPLY}: question_operator_should_map_null_to_none`, selection: '$(stringOrNull?)', input: { stringOrNull: null } },
  { source: `${APPLY}: question_operator_should_map_null_to_none`, selection: '$(stringOrNull?)', input: {} },
  { source: `${APPLY}: question_operator_with_nested_objects`, selection: '$(user?.profile?.name)', input: { user: { profile: { name: 'Alice' } } }, expected: 'Alice' },
  { source: `${APPLY}: question_operator_with_nested_objects`, selection: '$(user?.profile?.name)', input: { user: null } },
  { source: `${APPLY}: question_operator_with_nested_objects`, selection: '$(user?.profile?.name)', input: { user: { profile: null } } },
  { source: `${APPLY}: question_operator_with_nested_objects`, selection: '$(user?.profile?.name)', input: {} },
  { source: `${APPLY}: question_operator_with_array_access`, selection: '$(items?->first?.name)', input: { items: [{ name: 'first' }] }, expected: 'first' },
  { source: `${APPLY}: question_operator_with_array_access`, selection: '$(items?->first?.name)', input: { items: [] } },
  { source: `${APPLY}: question_operator_with_array_access`, selection: '$(items?->first?.name)', input: { items: null } },
  { source: `${APPLY}: question_operator_with_array_access`, selection: '$(items?->first?.name)', input: {} },
  {
    source: `${README}: PathStep (? maps null to no value; the keys are left out)`,
    selection: 'a: $args.something?.nested?.name\nb: isNull?.possiblyNull?.value\nc: $.doesNotExist?->slice(0, 5)',
    input: { isNull: null },
    vars: { $args: { something: null } },
    expected: {},
  },

  // ?? and ?!
  { source: `${APPLY}: null_coalescing_should_return_left_when_left_not_null`, selection: "$('Foo' ?? 'Bar')", input: {}, expected: 'Foo' },
  { source: `${APPLY}: null_coalescing_should_return_right_when_left_is_null`, selection: "$(null ?? 'Bar')", input: {}, expected: 'Bar' },
  { source: `${APPLY}: none_coalescing_should_return_left_when_left_not_none`, selection: "$('Foo' ?! 'Bar')", input: {}, expected: 'Foo' },
  { source: `${APPLY}: none_coalescing_should_preserve_null_when_left_is_null`, selection: "$(null ?! 'Bar')", input: {}, expected: null },
  { source: `${APPLY}: nullish_coalescing_should_return_final_null (earlier errors are dropped)`, selection: '$(missing ?? null)', input: {}, expected: null },
  { source: `${APPLY}: nullish_coalescing_should_return_final_null`, selection: '$(missing ?! null)', input: {}, expected: null },
  {
    source: `${APPLY}: nullish_coalescing_should_return_final_none`,
    selection: '$(missing ?? also_missing)',
    input: {},
    errors: ['Property .missing not found in object', 'Property .also_missing not found in object'],
  },
  {
    source: `${APPLY}: nullish_coalescing_should_return_final_none`,
    selection: 'maybe: $(missing ?! also_missing)',
    input: {},
    expected: {},
    errors: ['Property .missing not found in object', 'Property .also_missing not found in object'],
  },
  { source: `${APPLY}: coalescing_operators_should_return_earlier_values_if_later_missing`, selection: '$(1234 ?? missing)', input: {}, expected: 1234 },
  { source: `${APPLY}: coalescing_operators_should_return_earlier_values_if_later_missing`, selection: '$(item ?? missing)', input: { item: 1234 }, expected: 1234 },
  {
    source: `${APPLY}: coalescing_operators_should_return_earlier_values_if_later_missing`,
    selection: '$(item ?? missing)',
    input: { item: null },
    errors: ['Property .missing not found in object'],
  },
  { source: `${APPLY}: coalescing_operators_should_return_earlier_values_if_later_missing`, selection: '$(null ?! missing)', input: {}, expected: null },
  { source: `${APPLY}: coalescing_operators_should_return_earlier_values_if_later_missing`, selection: '$(item ?! missing)', input: { item: null }, expected: null },
  { source: `${APPLY}: null_coalescing_should_chain_left_to_right_when_multiple_nulls`, selection: "$(null ?? null ?? 'Bar')", input: {}, expected: 'Bar' },
  { source: `${APPLY}: null_coalescing_should_stop_at_first_non_null_when_chaining`, selection: "$('Foo' ?? null ?? 'Bar')", input: {}, expected: 'Foo' },
  { source: `${APPLY}: null_coalescing_should_fallback_when_field_is_null`, selection: '$($.field1 ?? $.field2)', input: { field1: null, field2: 'value2' }, expected: 'value2' },
  {
    source: `${APPLY}: null_coalescing_should_use_literal_fallback_when_all_fields_null`,
    selection: "$($.field1 ?? $.field3 ?? 'fallback')",
    input: { field1: null, field3: null },
    expected: 'fallback',
  },
  { source: `${APPLY}: none_coalescing_should_preserve_null_field`, selection: "$($.nullField ?! 'fallback')", input: { nullField: null }, expected: null },
  { source: `${APPLY}: none_coalescing_should_replace_missing_field`, selection: "$($.missingField ?! 'fallback')", input: { nullField: null }, expected: 'fallback' },
  { source: `${APPLY}: null_coalescing_should_replace_null_field`, selection: "$($.nullField ?? 'fallback')", input: { nullField: null }, expected: 'fallback' },
  { source: `${APPLY}: null_coalescing_should_replace_missing_field`, selection: "$($.missingField ?? 'fallback')", input: { nullField: null }, expected: 'fallback' },
  { source: `${APPLY}: null_coalescing_should_preserve_number_type`, selection: '$(null ?? 42)', input: {}, expected: 42 },
  { source: `${APPLY}: null_coalescing_should_preserve_boolean_type`, selection: '$(null ?? true)', input: {}, expected: true },
  { source: `${APPLY}: null_coalescing_should_preserve_object_type`, selection: "$(null ?? {'key': 'value'})", input: {}, expected: { key: 'value' } },
  { source: `${APPLY}: null_coalescing_should_preserve_array_type`, selection: '$(null ?? [1, 2, 3])', input: {}, expected: [1, 2, 3] },
  { source: `${APPLY}: null_coalescing_should_fallback_when_null_used_as_method_arg`, selection: '$.a->add(b ?? c)', input: { a: 5, b: null, c: 5 }, expected: 10 },
  { source: `${APPLY}: null_coalescing_should_fallback_when_none_used_as_method_arg`, selection: '$.a->add(missing ?? c)', input: { a: 5, b: null, c: 5 }, expected: 10 },
  { source: `${APPLY}: null_coalescing_should_not_fallback_when_not_null_used_as_method_arg`, selection: '$.a->add(b ?? c)', input: { a: 5, b: 3, c: 5 }, expected: 8 },
  { source: `${APPLY}: null_coalescing_should_allow_multiple_method_args`, selection: 'a->add(b ?? c, missing ?! c)', input: { a: 5, b: 3, c: 7 }, expected: 15 },
  { source: `${APPLY}: null_coalescing_should_allow_multiple_method_args`, selection: 'a->add(b ?? c, missing ?! c)', input: { a: 5, b: null, c: 7 }, expected: 19 },
  { source: `${APPLY}: wtf_operator_should_not_exclude_null_from_nullable_union_shape`, selection: "$($value ?? 'fallback')", input: {}, vars: { $value: null }, expected: 'fallback' },
  { source: `${APPLY}: wtf_operator_should_not_exclude_null_from_nullable_union_shape`, selection: "$($value ?! 'fallback')", input: {}, vars: { $value: null }, expected: null },
  { source: `${APPLY}: wtf_operator_should_not_exclude_null_from_nullable_union_shape`, selection: "$($value ?! 'fallback')", input: {}, vars: { $value: 'fine' }, expected: 'fine' },
  { source: `${APPLY}: question_operator_with_multiple_operators_in_chain`, selection: "$(field? ?? 'default')", input: { field: 'value' }, expected: 'value' },
  { source: `${APPLY}: question_operator_with_multiple_operators_in_chain`, selection: "$(field? ?? 'default')", input: { field: null }, expected: 'default' },
  { source: `${APPLY}: question_operator_with_multiple_operators_in_chain`, selection: "$(field? ?? 'default')", input: {}, expected: 'default' },
  { source: `${PARSER}: should_parse_mixed_operators_in_nested_expression`, selection: 'sum: $(a ?? $(b ?! c))', input: { a: null, c: 1 }, expected: { sum: 1 } },
  {
    source: `${README}: Null-coalescing operators`,
    selection: 'fallback: $(missingField ?? "default")\npreserveNull: $(nullField ?! "default")  # keeps null as null',
    input: { nullField: null },
    expected: { fallback: 'default', preserveNull: null },
  },
  {
    source: `${README}: Null-coalescing operators`,
    selection: 'multiLevel: $(first ?? second ?? third ?? "final fallback")\nnoneChain: $(first ?! second ?! third ?! "final fallback")',
    input: { first: null, third: 3 },
    expected: { multiLevel: 3, noneChain: null },
  },
  { source: `${README}: Null-coalescing operators`, selection: 'computed: $(value ?? 0->add(10))', input: {}, expected: { computed: 10 } },

  // ... spreads (connect/v0.4; Apollo's spread tests are written but commented out for now, the behaviour is in apply_to.rs).
  { source: `${APPLY}: test_spread_syntax_spread_a (connect/v0.4)`, selection: '...a', input: abData, expected: { phonetic: 'ay' } },
  { source: `${APPLY}: test_spread_syntax_a_spread_b (connect/v0.4)`, selection: 'a...b', input: abData, expected: { a: { phonetic: 'ay' }, phonetic: 'bee' } },
  { source: `${APPLY}: test_spread_syntax_spread_a_b (connect/v0.4)`, selection: '...a b', input: abData, expected: { phonetic: 'ay', b: { phonetic: 'bee' } } },
  { source: `${PARSER}: test_spread_parsing_spread_a_sub_b (connect/v0.4)`, selection: '... a { phonetic }', input: { a: { phonetic: 'ay', other: 1 } }, expected: { phonetic: 'ay' } },
  { source: `${APPLY}: test_spread_null (connect/v0.4)`, selection: '...$(null)', input: { ignored: 'data' }, expected: null },
  { source: `${APPLY}: test_spread_null (connect/v0.4)`, selection: 'ignored ...$(null)', input: { ignored: 'data' }, expected: null },
  { source: `${APPLY}: test_spread_null (connect/v0.4)`, selection: '...$(null) ignored', input: { ignored: 'data' }, expected: null },
  { source: `${APPLY}: test_spread_null (connect/v0.4)`, selection: 'group: { a ...b }', input: { a: 'ay', b: null }, expected: { group: null } },
  {
    source: `${APPLY}: test_spread_missing (connect/v0.4)`,
    selection: 'a ...missing z',
    input: { a: 'ay', z: 'zee' },
    expected: { a: 'ay', z: 'zee' },
    errors: ['Property .missing not found in object', 'Inlined path produced no value'],
  },
  {
    source: `${APPLY}: test_spread_missing (connect/v0.4)`,
    selection: 'a ...$(missing) z',
    input: { a: 'ay', z: 'zee' },
    expected: { a: 'ay', z: 'zee' },
    errors: ['Property .missing not found in object', 'Inlined path produced no value'],
  },
  { source: `${APPLY}: test_spread_invalid_numbers (connect/v0.4)`, selection: '...invalid', input: { invalid: 123 }, expected: {}, errors: ['Expected object or null, not number'] },
  { source: `${APPLY}: test_spread_invalid_numbers (connect/v0.4)`, selection: ' ... $( invalid ) ', input: { invalid: 234 }, expected: {}, errors: ['Expected object or null, not number'] },
  { source: `${APPLY}: test_spread_invalid_bools (connect/v0.4)`, selection: '...$(invalid)', input: { invalid: false }, expected: {}, errors: ['Expected object or null, not boolean'] },
  { source: `${APPLY}: test_spread_invalid_strings (connect/v0.4)`, selection: '...invalid', input: { invalid: 'string' }, expected: {}, errors: ['Expected object or null, not string'] },
  { source: `${APPLY}: test_spread_invalid_arrays (connect/v0.4)`, selection: '...invalid', input: { invalid: [1, 2, 3] }, expected: {}, errors: ['Expected object or null, not array'] },
  { source: `${APPLY}: test_spread_invalid_arrays (connect/v0.4)`, selection: '...$(invalid)', input: { invalid: [] }, expected: {}, errors: ['Expected object or null, not array'] },
  {
    source: `${APPLY}: test_multiple_spreads_runtime_field_shadowing (connect/v0.4; literals instead of ->match)`,
    selection: "upc\n...$({ __typename: 'Book', greeting: 'hello' })\n...$({ __typename: 'Book', greeting: 'goodbye' })",
    input: { upc: '789' },
    expected: { upc: '789', __typename: 'Book', greeting: 'goodbye' },
  },

  // ->as binds a local variable for the rest of the path.
  { source: `${AS}: test_basic_as_with_echo`, selection: 'person->as($p)->echo($p)', input: alice, expected: { id: 1, name: 'Alice' } },
  { source: `${AS}: test_basic_as_with_echo`, selection: 'person->as($name, @.name)->echo([@, $name])', input: alice, expected: [{ id: 1, name: 'Alice' }, 'Alice'] },
  { source: `${AS}: as_method (doc comment)`, selection: 'person->as($name, @.name)->as($id, @.id)->echo([@, $id, $name])', input: alice, expected: [{ id: 1, name: 'Alice' }, 1, 'Alice'] },
  { source: `${AS}: test_optional_as_expr_arg`, selection: 'person->as($name, @.name)->echo([@.id, $name])', input: alice, expected: [1, 'Alice'] },
  { source: `${AS}: test_optional_as_expr_arg`, selection: "person->as($oyez, 'oyez') { id name oyez: $oyez }", input: alice, expected: { id: 1, name: 'Alice', oyez: 'oyez' } },
  { source: `${AS}: test_too_few_as_args (an error when applied; the input passes through); this gateway refuses it when the schema is read, where Apollo reports it when applying`, selection: 'person->as', syntaxError: '->as takes' },
  { source: `${AS}: test_too_few_as_args; this gateway refuses it when the schema is read, where Apollo reports it when applying`, selection: 'person->as()', syntaxError: '->as takes' },
  { source: `${AS}: test_too_many_as_args; this gateway refuses it when the schema is read, where Apollo reports it when applying`, selection: 'person->as($x, @.id, @.name)', syntaxError: '->as takes' },
  { source: `${AS}: test_invalid_as_args; this gateway refuses it when the schema is read, where Apollo reports it when applying`, selection: 'person->as(123)', syntaxError: '->as takes' },
  { source: `${AS}: test_invalid_as_args; this gateway refuses it when the schema is read, where Apollo reports it when applying`, selection: 'person->as($x.id)', syntaxError: '->as takes' },
  { source: `${AS}: test_invalid_as_args; this gateway refuses it when the schema is read, where Apollo reports it when applying`, selection: 'person->as(p)', syntaxError: '->as takes' },
  { source: `${AS}: check_method_args ($ cannot be rebound); this gateway refuses it when the schema is read, where Apollo reports it when applying`, selection: 'person->as($)', syntaxError: '->as takes' },
  { source: `${AS}: check_method_args (@ cannot be rebound); this gateway refuses it when the schema is read, where Apollo reports it when applying`, selection: 'person->as(@)', syntaxError: '->as takes' },
  { source: `${AS}: test_invalid_external_var_shadowing`, selection: 'person->as($yikes).name', input: { ...alice, ext: 'external' }, vars: { $yikes: 'external' }, expected: 'Alice' },
  {
    source: `${AS}: test_invalid_external_var_shadowing`,
    selection: 'unbound: $yikes bound: person.name->as($yikes)->echo($yikes)',
    input: { ...alice, ext: 'external' },
    vars: { $yikes: 'external' },
    expected: { unbound: 'external', bound: 'Alice' },
  },
  {
    source: `${AS}: test_nested_loops`,
    selection: 'listsOfPairs: xs->map(@->as($x)->echo(ys->map([$x, @])))',
    input: { xs: [1, 2], ys: ['a', 'b'] },
    expected: {
      listsOfPairs: [
        [
          [1, 'a'],
          [1, 'b'],
        ],
        [
          [2, 'a'],
          [2, 'b'],
        ],
      ],
    },
  },
  {
    source: `${AS}: test_nested_loops`,
    selection: 'xs->map(@->as($x)->echo(ys->map(@->as($y)->echo([$x, $y]))))',
    input: { xs: [1, 2], ys: ['a', 'b'] },
    expected: [
      [
        [1, 'a'],
        [1, 'b'],
      ],
      [
        [2, 'a'],
        [2, 'b'],
      ],
    ],
  },
  {
    source: `${AS}: test_invalid_sibling_path_variable_access (a binding does not reach sibling selections)`,
    selection: 'good: person->as($x) {\n  id: $x.id\n}\nbad: {\n  id: $x.id\n}',
    input: { person: { id: 2, name: 'Ben' } },
    expected: { good: { id: 2 }, bad: {} },
    errors: ['Variable $x not found'],
  },
  { source: `${AS}: test_as_inside_expr_parens`, selection: '$([1, 2, 3])->as($arr)->first->add($arr->last)', input: {}, expected: 4 },
  {
    source: `${AS}: test_as_inside_expr_parens (a binding inside $(...) ends at its ")")`,
    selection: '$([1, 2, 3]->as($arr))->first->add($arr->last)',
    input: {},
    errors: ['Variable $arr not found', 'Method ->add requires numeric arguments'],
  },
  { source: `${PARSER}: should_parse_local_vars_as_such`, selection: '$->as($root, @.data)->echo([$root, $root])', input: { data: 5 }, expected: [5, 5] },

  // Unknown methods fail when applied.
  { source: `${APPLY}: PathList::Method (an unknown method; this gateway's build also warns)`, selection: 'a->nope', input: { a: 1 }, errors: ['Method ->nope not found'] },

  // Selections that must not compile.
  { source: `${PARSER}: test_error_snapshots_v0_4 (.data: use $.data)`, selection: '.data', syntaxError: '.' },
  { source: `${PARSER}: test_error_snapshots_v0_4 (an anonymous path beside other selections)`, selection: 'id $.object', syntaxError: '' },
  { source: `${PARSER}: test_invalid_sequential_question_marks`, selection: 'baz: $.foo??.bar', syntaxError: '?' },
  { source: `${PARSER}: test_invalid_sequential_question_marks`, selection: 'baz: $.foo?->echo(null)??.bar', syntaxError: '?' },
  { source: `${PARSER}: should_not_parse_mixed_operators_in_same_expression`, selection: 'sum: $(a ?? b ?! c)', syntaxError: '?!' },
  { source: `${PARSER}: should_not_parse_mixed_operators_in_same_expression`, selection: 'sum: $(a ?! b ?? c)', syntaxError: '??' },
  { source: `${PARSER}: test_path_selection (. must be followed by a key)`, selection: 'valid.$invalid', syntaxError: '$invalid' },
  { source: `${PARSER}: parse_string_literal (unterminated)`, selection: "a: 'abc", syntaxError: '' },
  { source: `${PARSER}: PathList::parse_with_depth (a method name must follow ->)`, selection: 'a->', syntaxError: '->' },
  { source: `${README}: Whitespace, comments, and NO_SPACE ($ var is invalid)`, selection: '$ var', syntaxError: '' },
  { source: `${PARSER}: NamedSelection::parse (a bare { } needs an alias)`, selection: '{ a }', syntaxError: '{' },
  { source: `${PARSER}: NamedSelection::parse (an alias needs a path or { })`, selection: 'a:', syntaxError: '' },
  { source: `${PARSER}: NamedSelection::parse (a number is not a path)`, selection: 'count: 1', syntaxError: '1' },
  { source: `${PARSER}: PathList::parse_with_depth ($( must close)`, selection: 'a: $(1', syntaxError: '$(' },
  { source: `${PARSER}: MethodArgs::parse (arguments must close)`, selection: 'a->echo(1', syntaxError: ')' },
  { source: `${PARSER}: SubSelection::parse (a stray })`, selection: 'a: b }', syntaxError: '}' },
  { source: `${LIT}: parse_with_operators (an operator needs a right side)`, selection: "a: $('x' ?? )", syntaxError: ')' },
];
