/**
 * Conformance cases for the object, type and text methods: ->keys, ->values,
 * ->entries, ->typeof, ->jsonParse, ->jsonStringify, ->joinNotNull,
 * ->toString, ->parseInt, ->contains and ->in. Messages quoting serde_json
 * (->jsonParse failures, numbers written as floats) are serde_json's own text.
 */
import type { MappingCase } from './case.ts';

const keys: MappingCase[] = [
  {
    source: 'router json_selection/methods/future/keys.rs: keys_should_return_array_of_keys_of_an_object',
    selection: '$->keys',
    input: { a: 1, b: 2, c: 3 },
    expected: ['a', 'b', 'c'],
  },
  {
    source: 'router json_selection/methods/future/keys.rs: keys_should_return_empty_array_on_empty_object',
    selection: '$->keys',
    input: {},
    expected: [],
  },
  {
    source: 'router json_selection/methods/future/keys.rs: keys_should_error_when_applied_to_non_object',
    selection: 'notAnObject->keys',
    input: { notAnObject: 123 },
    errors: ['Method ->keys requires an object input, not number'],
  },
  {
    source: 'router json_selection/README.md: object methods (keys: object->keys)',
    selection: 'keys: object->keys',
    input: { object: { x: 1, y: { z: 2 } } },
    expected: { keys: ['x', 'y'] },
  },
  {
    source: 'router json_selection/methods/future/keys.rs: keys_method (arguments refused)',
    selection: '$->keys(1)',
    input: { a: 1 },
    syntaxError: '->keys takes 0 arguments, not 1',
  },
];

const values: MappingCase[] = [
  {
    source: 'router json_selection/methods/future/values.rs: values_should_return_an_array_of_property_values_from_an_object',
    selection: '$->values',
    input: { a: 1, b: 'two', c: false },
    expected: [1, 'two', false],
  },
  {
    source: 'router json_selection/methods/future/values.rs: values_should_return_an_empty_array_given_empty_object',
    selection: '$->values',
    input: {},
    expected: [],
  },
  {
    source: 'router json_selection/methods/future/values.rs: values_should_error_given_a_non_object',
    selection: 'notAnObject->values',
    input: { notAnObject: null },
    errors: ['Method ->values requires an object input, not null'],
  },
  {
    source: 'router json_selection/README.md: object methods (values: object->values)',
    selection: 'values: object->values',
    input: { object: { x: 1, y: [2] } },
    expected: { values: [1, [2]] },
  },
  {
    source: 'router json_selection/methods/future/values.rs: values_method (arguments refused)',
    selection: '$->values("a")',
    input: { a: 1 },
    syntaxError: '->values takes 0 arguments, not 1',
  },
];

const entries: MappingCase[] = [
  {
    source: 'router json_selection/methods/public/entries.rs: entries_should_return_keys_and_values_when_applied_to_object',
    selection: '$->entries',
    input: { a: 1, b: 'two', c: false },
    expected: [
      { key: 'a', value: 1 },
      { key: 'b', value: 'two' },
      { key: 'c', value: false },
    ],
  },
  {
    source: 'router json_selection/methods/public/entries.rs: entries_should_return_only_keys_when_key_is_requested',
    selection: '$->entries.key',
    input: { one: 1, two: 2, three: 3 },
    expected: ['one', 'two', 'three'],
  },
  {
    source: 'router json_selection/methods/public/entries.rs: entries_should_return_only_values_when_values_is_requested',
    selection: '$->entries.value',
    input: { one: 1, two: 2, three: 3 },
    expected: [1, 2, 3],
  },
  {
    source: 'router json_selection/methods/public/entries.rs: entries_should_return_empty_array_when_applied_to_empty_object',
    selection: '$->entries',
    input: {},
    expected: [],
  },
  {
    source: 'router json_selection/methods/public/entries.rs: entries_should_error_when_applied_to_non_object',
    selection: 'notAnObject->entries',
    input: { notAnObject: true },
    errors: ['Method ->entries requires an object input, not boolean'],
  },
  {
    source: 'router json_selection/apply_to.rs: test_literal_expressions_in_parentheses (->entries)',
    selection: '$({ one: 1, negativeThree: -3, null: null, array: [1, 2, 3], path: $.nested.path })->entries',
    input: { nested: { path: 'nested path value' } },
    expected: [
      { key: 'one', value: 1 },
      { key: 'negativeThree', value: -3 },
      { key: 'null', value: null },
      { key: 'array', value: [1, 2, 3] },
      { key: 'path', value: 'nested path value' },
    ],
  },
];

const typeofCases: MappingCase[] = [
  {
    source: 'router json_selection/methods/future/typeof.rs: typeof_should_return_appropriate_when_applied_to_data',
    selection: '$->typeof',
    input: null,
    expected: 'null',
  },
  {
    source: 'router json_selection/methods/future/typeof.rs: typeof_should_return_appropriate_when_applied_to_data',
    selection: '@->typeof',
    input: false,
    expected: 'boolean',
  },
  {
    source: 'router json_selection/methods/future/typeof.rs: typeof_should_return_appropriate_when_applied_to_data',
    selection: '$->typeof',
    input: 123.45,
    expected: 'number',
  },
  {
    source: 'router json_selection/methods/future/typeof.rs: typeof_should_return_appropriate_when_applied_to_data',
    selection: '$->typeof',
    input: 'hello',
    expected: 'string',
  },
  {
    source: 'router json_selection/methods/future/typeof.rs: typeof_should_return_appropriate_when_applied_to_data',
    selection: '$->typeof',
    input: [1, 2, 3],
    expected: 'array',
  },
  {
    source: 'router json_selection/methods/future/typeof.rs: typeof_should_return_appropriate_when_applied_to_data',
    selection: '$->typeof',
    input: { key: 'value' },
    expected: 'object',
  },
  {
    source: 'router json_selection/apply_to.rs: test_literal_expressions_in_parentheses (->typeof)',
    selection: `
      negativeThree: $(-3)->typeof
      null: $(null)->typeof
      string: $("string")->typeof
      path: $(nested.path)->typeof
    `,
    input: { nested: { path: 12345 } },
    expected: { negativeThree: 'number', null: 'null', string: 'string', path: 'number' },
  },
  {
    source: 'router json_selection/methods/public/map.rs: map_should_transform_when_applied_to_array_with_additional_transform',
    selection: 'values->map(@->typeof)',
    input: { values: [1, 2.5, 'hello', true, null, [], {}] },
    expected: ['number', 'number', 'string', 'boolean', 'null', 'array', 'object'],
  },
  {
    source: 'router json_selection/methods/future/typeof.rs: typeof_method (arguments refused)',
    selection: '$->typeof(1)',
    input: 1,
    syntaxError: '->typeof takes 0 arguments, not 1',
  },
];

const jsonParse: MappingCase[] = [
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_parse_primitives',
    selection: 'number: $.a->jsonParse float: $.b->jsonParse yes: $.c->jsonParse nothing: $.d->jsonParse',
    input: { a: '-99', b: '2.5e-3', c: 'true', d: 'null' },
    expected: { number: -99, float: 0.0025, yes: true, nothing: null },
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_parse_primitives',
    selection: '$->jsonParse',
    input: '"with \\"escaped\\" quotes, line\\nbreak and unicode \\u0041"',
    expected: 'with "escaped" quotes, line\nbreak and unicode A',
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_parse_arrays',
    selection: '$->jsonParse',
    input: '[1,"two",true,null,[3],{"b":2}]',
    expected: [1, 'two', true, null, [3], { b: 2 }],
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_parse_objects',
    selection: '$->jsonParse',
    input: '{"arr":[1,2,3],"obj":{"k":"v"},"empty_arr":[],"empty_obj":{},"null_val":null}',
    expected: { arr: [1, 2, 3], obj: { k: 'v' }, empty_arr: [], empty_obj: {}, null_val: null },
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_handle_leading_and_trailing_whitespace',
    selection: '$->jsonParse',
    input: '\n{\n  "a": 1,\n  "b": [ 1 , 2 ]\n}\n',
    expected: { a: 1, b: [1, 2] },
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_error_on_invalid_json',
    selection: '$->jsonParse',
    input: 'not valid json',
    errors: ['Method ->jsonParse failed to parse JSON string: expected ident at line 1 column 2'],
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_error_on_invalid_json',
    selection: '$->jsonParse',
    input: '',
    errors: ['Method ->jsonParse failed to parse JSON string: EOF while parsing a value at line 1 column 0'],
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_error_on_invalid_json',
    selection: '$->jsonParse',
    input: '[1,2,]',
    errors: ['Method ->jsonParse failed to parse JSON string: trailing comma at line 1 column 6'],
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_error_on_invalid_json',
    selection: '$->jsonParse',
    input: '{key: value}',
    errors: ['Method ->jsonParse failed to parse JSON string: key must be a string at line 1 column 2'],
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_error_on_invalid_json',
    selection: 'result: payload->jsonParse',
    input: { payload: '{"key":}' },
    expected: {},
    errors: ['Method ->jsonParse failed to parse JSON string: expected value at line 1 column 8'],
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_error_on_non_string_input',
    selection: '$->jsonParse',
    input: { key: 'value' },
    errors: ['Method ->jsonParse requires a string input, got object'],
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_error_on_non_string_input',
    selection: '$->jsonParse',
    input: 1.5,
    errors: ['Method ->jsonParse requires a string input, got number'],
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_should_error_when_provided_argument',
    selection: '$->jsonParse(1)',
    input: 'null',
    syntaxError: '->jsonParse takes 0 arguments, not 1',
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_stringify_then_json_parse_roundtrip',
    selection: '$->jsonStringify->jsonParse',
    input: { nested: { deep: [1, { x: true }] }, key: [1, 'two', true, null] },
    expected: { nested: { deep: [1, { x: true }] }, key: [1, 'two', true, null] },
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_from_variable_property',
    selection: '$response.body->jsonParse',
    input: {},
    vars: { $response: { body: '{"status":"ok","count":42}' } },
    expected: { status: 'ok', count: 42 },
  },
  {
    source: 'router json_selection/methods/public/json_parse.rs: json_parse_then_select_into_parsed_result',
    selection: 'payload->jsonParse { users { name } }',
    input: { payload: '{"users":[{"name":"Alice","age":30},{"name":"Bob"}],"total":2}' },
    expected: { users: [{ name: 'Alice' }, { name: 'Bob' }] },
  },
];

const jsonStringify: MappingCase[] = [
  {
    source: 'router json_selection/methods/public/json_stringify.rs: json_stringify_should_stringify_various_structures',
    selection: '$->jsonStringify',
    input: null,
    expected: 'null',
  },
  {
    source: 'router json_selection/methods/public/json_stringify.rs: json_stringify_should_stringify_various_structures',
    selection: 'int: a->jsonStringify float: b->jsonStringify text: c->jsonStringify no: d->jsonStringify',
    input: { a: 42, b: 10.8, c: 'hello world', d: false },
    expected: { int: '42', float: '10.8', text: '"hello world"', no: 'false' },
  },
  {
    source: 'router json_selection/methods/public/json_stringify.rs: json_stringify_should_stringify_various_structures',
    selection: '$->jsonStringify',
    input: [1, 'two', true, null],
    expected: '[1,"two",true,null]',
  },
  {
    source: 'router json_selection/methods/public/json_stringify.rs: json_stringify_should_stringify_various_structures',
    selection: '$->jsonStringify',
    input: { key: 'value', nested: { list: [1, 2], text: 'a "quoted"\nline' } },
    expected: '{"key":"value","nested":{"list":[1,2],"text":"a \\"quoted\\"\\nline"}}',
  },
  {
    source: 'router json_selection/methods/public/json_stringify.rs: json_stringify_method (serde_json::to_string writes small floats as 1e-6)',
    selection: '$->jsonStringify',
    input: [0.0025, 0.000001, 0.0000012, 1.5e300],
    expected: '[0.0025,1e-6,1.2e-6,1.5e300]',
  },
  {
    source: 'router json_selection/apply_to.rs: test_left_associative_path_evaluation',
    selection: 'batch.id->jsonStringify',
    input: { batch: [{ id: 1 }, { id: 2 }, { id: 3 }] },
    expected: '[1,2,3]',
  },
  {
    source: 'router json_selection/apply_to.rs: test_left_associative_path_evaluation',
    selection: 'batch.id->map([@])->echo([@])->jsonStringify->typeof',
    input: { batch: [{ id: 1 }, { id: 2 }, { id: 3 }] },
    expected: 'string',
  },
  {
    source: 'router json_selection/methods/public/json_stringify.rs: json_stringify_should_error_when_provided_argument',
    selection: '$->jsonStringify(1)',
    input: null,
    syntaxError: '->jsonStringify takes 0 arguments, not 1',
  },
];

const joinNotNull: MappingCase[] = [
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_should_combine_arrays_with_a_separator',
    selection: "$->joinNotNull(', ')",
    input: ['a', 'b', 'c'],
    expected: 'a, b, c',
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_should_combine_arrays_with_a_separator',
    selection: "$->joinNotNull('|')",
    input: [1.00000000000001, 2.9999999999999, 0.3],
    expected: '1.00000000000001|2.9999999999999|0.3',
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_should_combine_arrays_with_a_separator',
    selection: "$->joinNotNull(', ')",
    input: [null, 'a', null, 1, null, true],
    expected: 'a, 1, true',
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_should_combine_arrays_with_a_separator',
    selection: "$->joinNotNull(', ')",
    input: [null, null],
    expected: '',
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_should_combine_arrays_with_a_separator',
    selection: "one: a->joinNotNull(', ') text: b->joinNotNull(', ') yes: c->joinNotNull(', ') nothing: d->joinNotNull(', ')",
    input: { a: 1, b: 'a', c: true, d: null },
    expected: { one: '1', text: 'a', yes: 'true', nothing: '' },
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_evaluates_argument',
    selection: '$->joinNotNull(@->first)',
    input: ['1', '2', '3'],
    expected: '11213',
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_warnings',
    selection: "$->joinNotNull(',')",
    input: [{ a: 1 }, { a: 2 }],
    errors: ['Method ->joinNotNull requires an array of scalar values as input'],
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_warnings',
    selection: "$->joinNotNull(',')",
    input: [[1, 2]],
    errors: ['Method ->joinNotNull requires an array of scalar values as input'],
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_should_return_none_when_argument_evaluates_to_none',
    selection: '$.a->joinNotNull($.missing)',
    input: { a: ['hello', 'world'] },
    errors: ['Property .missing not found in object', 'Method ->joinNotNull requires a string argument, but received null'],
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_method (non-string separator)',
    selection: '$->joinNotNull([1, 2])',
    input: ['a', 'b'],
    errors: ['Method ->joinNotNull requires a string argument, but received [1,2]'],
  },
  {
    source: 'router json_selection/methods/public/join_not_null.rs: join_not_null_method (a separator is required)',
    selection: '$->joinNotNull',
    input: ['a', 'b'],
    syntaxError: '->joinNotNull takes 1 argument, not 0',
  },
];

const toStringCases: MappingCase[] = [
  {
    source: 'router json_selection/methods/public/to_string.rs: to_string_should_convert_number_to_string',
    selection: 'result: value->toString()',
    input: { value: 42 },
    expected: { result: '42' },
  },
  {
    source: 'router json_selection/methods/public/to_string.rs: to_string_should_convert_float_to_string',
    selection: 'result: value->toString()',
    input: { value: 1.23 },
    expected: { result: '1.23' },
  },
  {
    source: 'router json_selection/methods/public/to_string.rs: to_string_should_convert_boolean_true_to_string, to_string_should_convert_boolean_false_to_string',
    selection: 'yes: a->toString no: b->toString()',
    input: { a: true, b: false },
    expected: { yes: 'true', no: 'false' },
  },
  {
    source: 'router json_selection/methods/public/to_string.rs: to_string_should_convert_null_to_string',
    selection: 'result: value->toString()',
    input: { value: null },
    expected: { result: '' },
  },
  {
    source: 'router json_selection/methods/public/to_string.rs: to_string_should_keep_string_as_string',
    selection: 'result: value->toString()',
    input: { value: 'hello' },
    expected: { result: 'hello' },
  },
  {
    source: 'router json_selection/methods/public/to_string.rs: to_string_should_error_for_arrays',
    selection: 'result: value->toString()',
    input: { value: [1, 2, 3] },
    expected: {},
    errors: ['Method ->toString cannot convert arrays or objects to strings. Use ->jsonStringify or ->joinNotNull instead'],
  },
  {
    source: 'router json_selection/methods/public/to_string.rs: to_string_should_error_for_objects',
    selection: 'result: value->toString()',
    input: { value: { a: 1, b: 2 } },
    expected: {},
    errors: ['Method ->toString cannot convert arrays or objects to strings. Use ->jsonStringify or ->joinNotNull instead'],
  },
  {
    source: 'router json_selection/methods/public/to_string.rs: to_string_should_error_when_arguments_provided',
    selection: 'result: value->toString("arg")',
    input: { value: 42 },
    syntaxError: '->toString takes 0 arguments, not 1',
  },
];

const parseInt: MappingCase[] = [
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_parse_decimal_string, parse_int_should_parse_with_explicit_base_10',
    selection: 'plain: value->parseInt ten: value->parseInt(10)',
    input: { value: '42' },
    expected: { plain: 42, ten: 42 },
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_parse_hexadecimal_string, parse_int_should_parse_binary_string, parse_int_should_parse_octal_string, parse_int_should_parse_base_36',
    selection: 'hex: a->parseInt(16) binary: b->parseInt(2) octal: c->parseInt(8) base36: d->parseInt(36) large: e->parseInt(16)',
    input: { a: 'ff', b: '1010', c: '77', d: 'zz', e: '7FFFFFFF' },
    expected: { hex: 255, binary: 10, octal: 63, base36: 1295, large: 2147483647 },
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_parse_negative_number, parse_int_should_parse_zero',
    selection: 'negative: a->parseInt() zero: b->parseInt()',
    input: { a: '-42', b: '0' },
    expected: { negative: -42, zero: 0 },
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_parse_integer_number, parse_int_should_parse_negative_integer_number, parse_int_should_parse_integer_number_with_base',
    selection: 'int: a->parseInt negative: b->parseInt hex: c->parseInt(16)',
    input: { a: 42, b: -123, c: 10 },
    expected: { int: 42, negative: -123, hex: 16 },
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_truncate_positive_float, parse_int_should_truncate_negative_float, parse_int_should_handle_zero_float, parse_int_should_truncate_float_with_base',
    selection: 'up: a->parseInt down: b->parseInt zero: c->parseInt hex: d->parseInt(16)',
    input: { a: 123.6, b: -123.9, c: 0.0, d: 10.7 },
    expected: { up: 123, down: -123, zero: 0, hex: 16 },
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_error_for_invalid_string',
    selection: 'result: value->parseInt',
    input: { value: 'invalid' },
    expected: {},
    errors: ["Method ->parseInt failed to parse 'invalid' as integer with base 10"],
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_error_for_invalid_hex_string',
    selection: 'result: value->parseInt(16)',
    input: { value: 'xyz' },
    expected: {},
    errors: ["Method ->parseInt failed to parse 'xyz' as integer with base 16"],
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_error_for_empty_string',
    selection: 'result: value->parseInt',
    input: { value: '' },
    expected: {},
    errors: ["Method ->parseInt failed to parse '' as integer with base 10"],
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_method (i64::from_str_radix takes no spaces and no decimal point)',
    selection: 'spaced: a->parseInt decimal: b->parseInt plus: c->parseInt',
    input: { a: ' 42', b: '42.5', c: '+42' },
    expected: { plus: 42 },
    errors: [
      "Method ->parseInt failed to parse ' 42' as integer with base 10",
      "Method ->parseInt failed to parse '42.5' as integer with base 10",
    ],
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_error_for_boolean_input, parse_int_should_error_for_null_input',
    selection: 'yes: a->parseInt nothing: b->parseInt',
    input: { a: true, b: null },
    expected: {},
    errors: [
      'Method ->parseInt can only parse strings and numbers. Found: true',
      'Method ->parseInt can only parse strings and numbers. Found: null',
    ],
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_error_for_array_input, parse_int_should_error_for_object_input',
    selection: 'list: a->parseInt object: b->parseInt',
    input: { a: [1, 2, 3], b: { a: 1 } },
    expected: {},
    errors: [
      'Method ->parseInt can only parse strings and numbers. Found: [1,2,3]',
      'Method ->parseInt can only parse strings and numbers. Found: {"a":1}',
    ],
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_error_for_invalid_base, parse_int_should_error_for_base_too_large',
    selection: 'low: value->parseInt(1) high: value->parseInt(37)',
    input: { value: '42' },
    expected: {},
    errors: [
      "Method ->parseInt failed to parse '42' as integer with base 1 (radix must be between 2 and 36)",
      "Method ->parseInt failed to parse '42' as integer with base 37 (radix must be between 2 and 36)",
    ],
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_error_for_non_numeric_base, parse_int_should_error_for_float_base',
    selection: 'text: value->parseInt("not_a_number") float: value->parseInt(10.5)',
    input: { value: '42' },
    expected: {},
    errors: [
      'Method ->parseInt base argument must be a number. Found: "not_a_number"',
      'Method ->parseInt base argument must be an integer. Found: 10.5',
    ],
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_error_for_too_many_arguments',
    selection: 'result: value->parseInt(10, 16)',
    input: { value: '42' },
    syntaxError: '->parseInt takes 0 to 1 arguments, not 2',
  },
  {
    source: 'router json_selection/methods/public/parse_int.rs: parse_int_should_return_none_when_argument_evaluates_to_none',
    selection: '$.a->parseInt($.missing)',
    input: { a: '42' },
    errors: ['Property .missing not found in object'],
  },
];

const contains: MappingCase[] = [
  {
    source: 'router json_selection/methods/public/contains.rs: contains_should_return_true_when_array_contains_value, contains_should_return_false_when_array_does_not_contain_value',
    selection: 'yes: a->contains(123) no: b->contains(123)',
    input: { a: [123, 456, 789], b: [456, 789] },
    expected: { yes: true, no: false },
  },
  {
    source: 'router json_selection/methods/public/contains.rs: contains_should_return_true_when_array_contains_numbers_of_different_types',
    selection: 'result: value->contains(1.0)',
    input: { value: [1, 2.5, 3] },
    expected: { result: true },
  },
  {
    source: 'router json_selection/methods/public/contains.rs: contains_should_return_true_when_array_contains_string, contains_should_return_false_when_array_does_not_contain_string, contains_should_return_true_when_array_contains_bool, contains_should_return_false_when_array_does_not_contain_bool',
    selection: 'text: a->contains("hello") noText: b->contains("hello") bool: c->contains(true) noBool: d->contains(true)',
    input: { a: ['hello', 'world', 'test'], b: ['world', 'test'], c: [true, false], d: [false] },
    expected: { text: true, noText: false, bool: true, noBool: false },
  },
  {
    source: 'router json_selection/methods/public/contains.rs: contains_should_return_true_when_array_contains_object, contains_should_return_false_when_array_does_not_contain_object',
    selection: 'yes: a->contains({"name": "John", "age": 30}) no: b->contains({"name": "John", "age": 30})',
    input: { a: [{ name: 'John', age: 30 }, { name: 'Jane', age: 25 }], b: [{ name: 'Jane', age: 25 }] },
    expected: { yes: true, no: false },
  },
  {
    source: 'router json_selection/methods/public/contains.rs: contains_should_return_true_when_array_contains_array, contains_should_return_false_for_empty_array',
    selection: 'nested: a->contains([1, 2, 3]) empty: b->contains(123)',
    input: { a: [[1, 2, 3], [4, 5, 6]], b: [] },
    expected: { nested: true, empty: false },
  },
  {
    source: 'router json_selection/methods/public/contains.rs: contains_should_return_error_when_no_arguments_provided',
    selection: 'result: value->contains()',
    input: { value: [123] },
    syntaxError: '->contains takes 1 argument, not 0',
  },
  {
    source: 'router json_selection/methods/public/contains.rs: contains_should_return_error_when_input_is_not_array',
    selection: 'result: value->contains(123)',
    input: { value: 123 },
    expected: {},
    errors: ['Method ->contains requires an array input, but got: 123'],
  },
  {
    source: 'router json_selection/methods/public/contains.rs: contains_should_return_none_when_argument_evaluates_to_none',
    selection: 'arr->contains($.missing)',
    input: { arr: [1, 2, 3] },
    errors: ['Property .missing not found in object'],
  },
];

const inCases: MappingCase[] = [
  {
    source: 'router json_selection/methods/public/in.rs: in_should_return_true_when_applied_to_value_in_array, in_should_return_false_when_applied_to_value_not_in_array',
    selection: 'yes: value->in([123, 456, 789]) no: value->in([456, 789])',
    input: { value: 123 },
    expected: { yes: true, no: false },
  },
  {
    source: 'router json_selection/methods/public/in.rs: in_should_return_true_when_applied_to_numbers_of_different_types',
    selection: 'result: value->in([1, 2.5, 3])',
    input: { value: 1.0 },
    expected: { result: true },
  },
  {
    source: 'router json_selection/methods/public/in.rs: in_should_return_true_when_applied_to_string_in_array, in_should_return_false_when_applied_to_string_not_in_array, in_should_return_true_when_applied_to_bool_in_array, in_should_return_false_when_applied_to_bool_not_in_array',
    selection: 'text: a->in(["hello", "world", "test"]) noText: a->in(["world", "test"]) bool: b->in([true, false]) noBool: b->in([false])',
    input: { a: 'hello', b: true },
    expected: { text: true, noText: false, bool: true, noBool: false },
  },
  {
    source: 'router json_selection/methods/public/in.rs: in_should_return_true_when_applied_to_object_in_array, in_should_return_false_when_applied_to_object_not_in_array',
    selection: 'yes: value->in([{"name": "John", "age": 30}, {"name": "Jane", "age": 25}]) no: value->in([{"name": "Jane", "age": 25}])',
    input: { value: { name: 'John', age: 30 } },
    expected: { yes: true, no: false },
  },
  {
    source: 'router json_selection/methods/public/in.rs: in_should_return_true_when_applied_to_array_in_array, in_should_return_false_when_applied_to_array_not_in_array, in_should_return_false_for_empty_array',
    selection: 'yes: a->in([[1, 2, 3], [4, 5, 6]]) no: a->in([[4, 5, 6], [7, 8, 9]]) empty: b->in([])',
    input: { a: [1, 2, 3], b: 123 },
    expected: { yes: true, no: false, empty: false },
  },
  {
    source: 'router json_selection/methods/public/in.rs: in_should_return_error_when_no_arguments_provided',
    selection: 'result: value->in()',
    input: { value: 123 },
    syntaxError: '->in takes 1 argument, not 0',
  },
  {
    source: 'router json_selection/methods/public/in.rs: in_should_return_error_when_argument_is_not_array',
    selection: 'result: value->in(123)',
    input: { value: 123 },
    expected: {},
    errors: ['Method ->in requires an array argument, but got: 123'],
  },
  {
    source: 'router json_selection/methods/public/in.rs: in_should_return_none_when_argument_evaluates_to_none',
    selection: '$.a->in($.missing)',
    input: { a: 5 },
    errors: ['Property .missing not found in object'],
  },
];

export const cases: MappingCase[] = [
  ...keys,
  ...values,
  ...entries,
  ...typeofCases,
  ...jsonParse,
  ...jsonStringify,
  ...joinNotNull,
  ...toStringCases,
  ...parseInt,
  ...contains,
  ...inCases,
];
