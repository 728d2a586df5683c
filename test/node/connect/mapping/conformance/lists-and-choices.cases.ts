/**
 * `->echo`, `->map`, `->filter`, `->find`, `->match`, `->matchIf`, `->first`,
 * `->last`, `->slice`, `->size`, `->get` and `->has`, as Apollo's tests and
 * language reference pin them down.
 */
import type { MappingCase } from './case.ts';

const pub = (file: string, test: string) => `router json_selection/methods/public/${file}.rs: ${test}`;
const future = (file: string, test: string) => `router json_selection/methods/future/${file}.rs: ${test}`;
const readme = (section: string) => `router json_selection/README.md: ${section}`;

const missing = 'Property .missing not found in object';

const echo: MappingCase[] = [
  { source: pub('echo', 'echo_should_output_value_when_applied_to_null'), selection: "$->echo('oyez')", expected: 'oyez' },
  { source: pub('echo', 'echo_should_output_value_when_applied_to_array'), selection: "$->echo('oyez')", input: [1, 2, 3], expected: 'oyez' },
  { source: pub('echo', 'echo_should_allow_selection_from_array_value'), selection: '$->echo([1, 2, 3]) { id: $ }', expected: [{ id: 1 }, { id: 2 }, { id: 3 }] },
  { source: pub('echo', 'echo_should_allow_arrow_methods_off_returned_value'), selection: '$->echo([1, 2, 3])->last { id: $ }', expected: { id: 3 } },
  {
    source: pub('echo', 'echo_should_allow_at_sign_to_input_value_from_selection_function'),
    selection: "$.nested.value->echo(['before', @, 'after'])",
    input: { nested: { value: 123 } },
    expected: ['before', 123, 'after'],
  },
  {
    source: pub('echo', 'echo_should_allow_dollar_sign_to_input_applied_to_value'),
    selection: "$.nested.value->echo(['before', $, 'after'])",
    input: { nested: { value: 123 } },
    expected: ['before', { nested: { value: 123 } }, 'after'],
  },
  {
    source: pub('echo', 'echo_should_allow_selection_functions_result_passed_as_value'),
    selection: 'results->echo(@->first)',
    input: { results: [[1, 2, 3], 'ignored'] },
    expected: [1, 2, 3],
  },
  {
    source: pub('echo', 'echo_should_allow_arrow_functions_on_result_of_echo'),
    selection: 'results->echo(@->first)->last',
    input: { results: [[1, 2, 3], 'ignored'] },
    expected: 3,
  },
  {
    source: pub('echo', 'echo_should_not_error_with_trailing_commas'),
    selection: 'nested.value->echo({ wrapped: @ , } , )',
    input: { nested: { value: 123 } },
    expected: { wrapped: 123 },
  },
  {
    source: pub('echo', 'echo_should_flatted_object_list_using_at_sign'),
    selection: 'people->echo({ names: @.name, hobbies: @.hobby })',
    input: {
      people: [
        { name: 'Alice', hobby: 'reading' },
        { name: 'Bob', hobby: 'fishing' },
        { hobby: 'painting', name: 'Charlie' },
      ],
    },
    expected: { names: ['Alice', 'Bob', 'Charlie'], hobbies: ['reading', 'fishing', 'painting'] },
  },
  { source: pub('echo', 'echo_should_return_none_when_argument_evaluates_to_none'), selection: '$->echo($.missing)', input: {}, errors: [missing] },
];

const map: MappingCase[] = [
  {
    source: pub('map', 'map_should_transform_when_applied_to_array'),
    selection: 'messages->map(@.role)',
    input: { messages: [{ role: 'admin' }, { role: 'user' }, { role: 'guest' }] },
    expected: ['admin', 'user', 'guest'],
  },
  { source: pub('map', 'map_should_transform_when_applied_to_array_with_additional_transform'), selection: '$->map(@->add(10))', input: [1, 2, 3], expected: [11, 12, 13] },
  {
    source: pub('map', 'map_should_transform_when_applied_to_array_with_additional_transform'),
    selection: 'values->map(@->typeof)',
    input: { values: [1, 2.5, 'hello', true, null, [], {}] },
    expected: ['number', 'number', 'string', 'boolean', 'null', 'array', 'object'],
  },
  {
    source: pub('map', 'map_should_transform_when_applied_to_array_with_additional_transform'),
    selection: 'singleValue->map(@->mul(10))',
    input: { singleValue: 123 },
    expected: [1230],
  },
  { source: pub('map', 'map_should_transform_when_called_against_selected_array'), selection: '$->echo([1,2,3])->map(@->add(10))', expected: [11, 12, 13] },
  {
    source: pub('map', 'map_should_handle_none_elements_gracefully'),
    selection: '$.a->map(@.missing)',
    input: { a: [{}, { missing: 'value' }, {}] },
    expected: [null, 'value', null],
    errors: [missing],
  },
  {
    source: readme('The difference between array.field->map(...) and $(array.field)->map(...)'),
    selection: 'doubled: $(array.field)->map(@->mul(2))',
    input: { array: [{ field: 1 }, { field: 2 }, { field: 3 }] },
    expected: { doubled: [2, 4, 6] },
  },
  {
    // The README's `nested: array.field->map(...)` example is older than the
    // engine: a method after a key read on a list applies once, to the list.
    source: 'router json_selection/apply_to.rs: test_left_associative_path_evaluation',
    selection: 'batch.id->map({ batchId: @ })',
    input: { batch: [{ id: 1 }, { id: 2 }, { id: 3 }] },
    expected: [{ batchId: 1 }, { batchId: 2 }, { batchId: 3 }],
  },
  {
    source: readme('the @ variable within ->map'),
    selection: 'doubled: numbers->map({ value: @->mul(2) })',
    input: { numbers: [1, 2] },
    expected: { doubled: [{ value: 2 }, { value: 4 }] },
  },
];

const filter: MappingCase[] = [
  { source: pub('filter', 'filter_should_return_matching_elements'), selection: '$->echo([1,2,3,4,5])->filter(@->eq(3))', expected: [3] },
  { source: pub('filter', 'filter_should_return_multiple_matches'), selection: '$->echo([1,2,3,2,1])->filter(@->eq(2))', expected: [2, 2] },
  { source: pub('filter', 'filter_should_return_empty_array_when_no_matches'), selection: '$->echo([1,2,3])->filter(@->eq(5))', expected: [] },
  {
    source: pub('filter', 'filter_should_work_with_object_properties'),
    selection: 'users->filter(@.active->eq(true))',
    input: {
      users: [
        { name: 'Alice', active: true },
        { name: 'Bob', active: false },
        { name: 'Charlie', active: true },
      ],
    },
    expected: [
      { name: 'Alice', active: true },
      { name: 'Charlie', active: true },
    ],
  },
  { source: pub('filter', 'filter_should_handle_non_array_input_true_condition'), selection: 'value->filter(@->eq(123))', input: { value: 123 }, expected: [123] },
  { source: pub('filter', 'filter_should_handle_non_array_input_false_condition'), selection: 'value->filter(@->eq(456))', input: { value: 123 }, expected: [] },
  {
    source: pub('filter', 'filter_should_error_with_non_boolean_results'),
    selection: "values->filter(@->echo('not_boolean'))",
    input: { values: [1, 2, 3] },
    errors: ['->filter condition must return a boolean value'],
  },
  { source: pub('filter', 'filter_should_chain_with_other_methods'), selection: '$->echo([1,2,3,4,5])->filter(@->eq(3))->map(@->add(10))', expected: [13] },
  {
    source: pub('filter', 'filter_should_handle_mixed_types'),
    selection: "values->filter(@->typeof->eq('number'))",
    input: { values: [1, 'hello', 2.5, true, null, 42] },
    expected: [1, 2.5, 42],
  },
  {
    source: pub('filter', 'filter_should_return_none_when_argument_evaluates_to_none'),
    selection: '$.a->filter($.missing)',
    input: { a: [1, 2, 3] },
    errors: [missing, '->filter condition must return a boolean value'],
  },
];

const find: MappingCase[] = [
  { source: pub('find', 'find_should_return_first_matching_element'), selection: '$->echo([1,2,3,4,5])->find(@->eq(3))', expected: 3 },
  { source: pub('find', 'find_should_return_none_when_no_matches'), selection: '$->echo([1,2,3])->find(@->eq(5))' },
  {
    source: pub('find', 'find_should_work_with_object_properties'),
    selection: 'users->find(@.active->eq(true))',
    input: {
      users: [
        { name: 'Alice', active: false },
        { name: 'Bob', active: true },
        { name: 'Charlie', active: true },
      ],
    },
    expected: { name: 'Bob', active: true },
  },
  { source: pub('find', 'find_should_handle_non_array_input_true_condition'), selection: 'value->find(@->eq(123))', input: { value: 123 }, expected: 123 },
  { source: pub('find', 'find_should_handle_non_array_input_false_condition'), selection: 'value->find(@->eq(456))', input: { value: 123 } },
  { source: pub('find', 'find_should_handle_complex_conditions'), selection: 'numbers->find(@->gt(3))', input: { numbers: [1, 2, 3, 4, 5, 6] }, expected: 4 },
  {
    source: pub('find', 'find_should_error_with_non_boolean_results'),
    selection: "values->find(@->echo('not_boolean'))",
    input: { values: [1, 2, 3] },
    errors: ['->find condition must return a boolean value'],
  },
  { source: pub('find', 'find_should_chain_with_other_methods'), selection: '$->echo([1,2,3,4,5])->find(@->eq(3))->add(10)', expected: 13 },
  {
    source: pub('find', 'find_should_handle_mixed_types'),
    selection: "values->find(@->typeof->eq('string'))",
    input: { values: [1, 'hello', 2.5, true, null, 42] },
    expected: 'hello',
  },
  { source: pub('find', 'find_should_return_none_for_empty_array'), selection: '$->echo([])->find(@->eq(1))' },
  {
    source: pub('find', 'find_should_return_none_when_argument_evaluates_to_none'),
    selection: '$.a->find($.missing)',
    input: { a: [1, 2, 3] },
    errors: [missing, '->find condition must return a boolean value'],
  },
];

const animalKinds = `
  name
  __typename: kind->match(
    ['dog', 'Canine'],
    ['cat', 'Feline'],
    [@, 'Exotic'],
  )
`;

const match: MappingCase[] = [
  {
    source: pub('match', 'match_should_select_correct_value_from_options'),
    selection: animalKinds,
    input: { kind: 'cat', name: 'Whiskers' },
    expected: { __typename: 'Feline', name: 'Whiskers' },
  },
  {
    source: pub('match', 'match_should_select_default_value_using_at_sign'),
    selection: animalKinds,
    input: { kind: 'axlotl', name: 'Gulpy' },
    expected: { __typename: 'Exotic', name: 'Gulpy' },
  },
  {
    source: pub('match', 'match_should_result_in_error_when_no_match_found'),
    selection: "name\n__typename: kind->match(['dog', 'Canine'], ['cat', 'Feline'])",
    input: { kind: 'axlotl', name: 'Gulpy' },
    expected: { name: 'Gulpy' },
    errors: ['Method ->match did not match any [candidate, value] pair'],
  },
  {
    source: pub('match', 'match_should_return_none_when_pattern_argument_evaluates_to_none'),
    selection: "$.a->match([$.missing, 'default'])",
    input: { a: 'test' },
    errors: [missing, 'Method ->match did not match any [candidate, value] pair'],
  },
  {
    source: pub('match', 'match_method (candidates compare with the input by JSON value)'),
    selection: "$->match([{ a: [1, 2] }, 'same'], [@, 'other'])",
    input: { a: [1, 2] },
    expected: 'same',
  },
  {
    source: pub('match', 'match_method (an argument that is not a [candidate, value] pair is skipped)'),
    selection: "$.kind->match(['dog', 'Canine'], ['Exotic'])",
    input: { kind: 'cat' },
    errors: ['Method ->match did not match any [candidate, value] pair'],
  },
];

const matchIfNumber = "num: value->matchIf([@->typeof->eq('number'), @], [true, 'not a number'])";
const matchIfKinds = "__typename: kind->matchIf([@->eq('dog'), 'Canine'], [@->eq('cat'), 'Feline'], [true, 'Exotic'])";

const matchIf: MappingCase[] = [
  {
    source: future('match_if', 'match_if_should_return_first_element_evaluated_to_true'),
    selection: matchIfNumber,
    input: { value: 123 },
    expected: { num: 123 },
  },
  {
    source: future('match_if', 'match_if_should_return_default_true_element_when_no_other_matches'),
    selection: matchIfNumber,
    input: { value: true },
    expected: { num: 'not a number' },
  },
  {
    source: future('match_if', 'match_if_should_return_none_when_condition_argument_evaluates_to_none'),
    selection: "$.a->matchIf([$.missing, 'default'])",
    input: { a: 'test' },
    errors: [missing, 'Method ->matchIf did not match any [condition, value] pair'],
  },
  {
    source: 'router json_selection/methods.rs: ArrowMethod::lookup ("matchIf" | "match_if")',
    selection: "$.a->match_if([@->eq('test'), 'yes'])",
    input: { a: 'test' },
    expected: 'yes',
  },
  {
    source: 'router json_selection/methods.rs: ArrowMethod::lookup ("matchIf" | "match_if")',
    selection: "$.a->match_if([@->eq('other'), 'yes'])",
    input: { a: 'test' },
    errors: ['Method ->match_if did not match any [condition, value] pair'],
  },
  { source: readme('methods (->matchIf)'), selection: matchIfKinds, input: { kind: 'cat' }, expected: { __typename: 'Feline' } },
  { source: readme('methods (->matchIf)'), selection: matchIfKinds, input: { kind: 'bird' }, expected: { __typename: 'Exotic' } },
];

const firstAndLast: MappingCase[] = [
  { source: pub('first', 'first_should_get_first_element_from_array'), selection: '$->first', input: [1, 2, 3], expected: 1 },
  { source: pub('first', 'first_should_get_none_when_no_items_exist'), selection: '$->first', input: [] },
  { source: pub('first', 'first_should_get_first_char_from_string'), selection: '$->first', input: 'hello', expected: 'h' },
  { source: pub('first', 'first_method (documented example)'), selection: '$->echo([1,2,3])->first', expected: 1 },
  { source: pub('first', 'first_method (characters, not bytes)'), selection: '$->first', input: 'école', expected: 'é' },
  {
    source: pub('first', 'first_method (any other input is answered as it is, with an error)'),
    selection: '$->first',
    input: 123,
    expected: 123,
    errors: ['Method ->first requires an array or string input'],
  },
  { source: pub('last', 'last_should_get_last_element_from_array'), selection: '$->last', input: [1, 2, 3], expected: 3 },
  { source: pub('last', 'last_should_get_none_when_no_items_exist'), selection: '$->last', input: [] },
  { source: pub('last', 'last_should_get_last_char_from_string'), selection: '$->last', input: 'hello', expected: 'o' },
  { source: pub('last', 'last_method (documented example)'), selection: '$->echo("hello")->last', expected: 'o' },
  { source: pub('last', 'last_method (an empty string has no last character)'), selection: '$->last', input: '' },
  {
    source: pub('last', 'last_method (any other input is answered as it is, with an error)'),
    selection: 'flag->last',
    input: { flag: true },
    expected: true,
    errors: ['Method ->last requires an array or string input'],
  },
  {
    source: readme('methods (->first, ->last)'),
    selection: 'first: list->first\nlast: list->last',
    input: { list: ['a', 'b', 'c'] },
    expected: { first: 'a', last: 'c' },
  },
];

const slice: MappingCase[] = [
  { source: pub('slice', 'slice_should_grab_parts_of_array_by_specified_indices'), selection: '$->slice(1, 3)', input: [1, 2, 3, 4, 5], expected: [2, 3] },
  { source: pub('slice', 'slice_should_stop_at_end_when_array_is_shorter_than_specified_end_index'), selection: '$->slice(1, 3)', input: [1, 2], expected: [2] },
  { source: pub('slice', 'slice_should_return_empty_array_when_array_is_shorter_than_specified_indices'), selection: '$->slice(1, 3)', input: [1], expected: [] },
  { source: pub('slice', 'slice_should_return_empty_array_when_provided_empty_array'), selection: '$->slice(1, 3)', input: [], expected: [] },
  { source: pub('slice', 'slice_should_return_blank_when_string_is_empty'), selection: '$->slice(1, 3)', input: '', expected: '' },
  { source: pub('slice', 'slice_should_return_part_of_string'), selection: '$->slice(1, 3)', input: 'hello', expected: 'el' },
  { source: pub('slice', 'slice_should_return_part_of_string_when_slice_indices_are_larger_than_string'), selection: '$->slice(1, 3)', input: 'he', expected: 'e' },
  { source: pub('slice', 'slice_should_return_empty_string_when_indices_are_completely_out_of_string_bounds'), selection: '$->slice(1, 3)', input: 'h', expected: '' },
  { source: pub('slice', 'slice_method (documented example)'), selection: '$->echo([0,1,2,3,4,5])->slice(1, 3)', expected: [1, 2] },
  {
    source: 'router json_selection/apply_to.rs: test_left_associative_path_evaluation',
    selection: 'batch.id->slice(1)->first',
    input: { batch: [{ id: 1 }, { id: 2 }, { id: 3 }] },
    expected: 2,
  },
  { source: pub('slice', 'slice_method (without end, up to the end)'), selection: '$->slice(2)', input: [1, 2, 3, 4], expected: [3, 4] },
  { source: pub('slice', 'slice_method (without arguments, the input)'), selection: '$->slice', input: 'hello', expected: 'hello' },
  {
    source: pub('slice', 'slice_method (input neither array nor string)'),
    selection: '$->slice(1, 3)',
    input: 123,
    errors: ['Method ->slice requires an array or string input'],
  },
  {
    source: readme('ExprPath ::= "$(" LitExpr ")" PathTail'),
    selection: 'alphabetSlice: $("abcdefghijklmnopqrstuvwxyz")->slice($args.start, $args.end)',
    vars: { $args: { start: 5, end: 10 } },
    expected: { alphabetSlice: 'fghij' },
  },
];

const size: MappingCase[] = [
  { source: pub('size', 'size_should_return_0_when_empty_array'), selection: '$->size', input: [], expected: 0 },
  { source: pub('size', 'size_should_return_number_of_items_in_array'), selection: '$->size', input: [1, 2, 3], expected: 3 },
  {
    source: pub('size', 'size_should_error_when_applied_to_null'),
    selection: '$->size',
    input: null,
    errors: ['Method ->size requires an array, string, or object input, not null'],
  },
  {
    source: pub('size', 'size_should_error_when_applied_to_bool'),
    selection: '$->size',
    input: true,
    errors: ['Method ->size requires an array, string, or object input, not boolean'],
  },
  {
    source: pub('size', 'size_should_error_when_applied_to_number'),
    selection: 'count->size',
    input: { count: 123 },
    errors: ['Method ->size requires an array, string, or object input, not number'],
  },
  { source: pub('size', 'size_should_return_length_of_string'), selection: '$->size', input: 'hello', expected: 5 },
  { source: pub('size', 'size_should_return_0_on_empty_string'), selection: '$->size', input: '', expected: 0 },
  { source: pub('size', 'size_should_return_number_of_properties_of_an_object'), selection: '$->size', input: { a: 1, b: 2, c: 3 }, expected: 3 },
  { source: pub('size', 'size_should_return_0_on_empty_object'), selection: '$->size', input: {}, expected: 0 },
  // Apollo reports an argument given to ->size while applying; ours refuses it when compiling.
  { source: pub('size', 'size_method (does not take any arguments)'), selection: '$->size(1)', input: [], syntaxError: '->size takes 0 arguments, not 1' },
  { source: pub('size', 'size_method (strings measure in UTF-8 bytes)'), selection: '$->size', input: 'héllo', expected: 6 },
];

const get: MappingCase[] = [
  // Apollo reports a missing argument while applying; ours refuses it when compiling.
  { source: pub('get', 'get_should_return_error_when_no_argument_provided'), selection: '$->get', input: [1, 2, 3], syntaxError: '->get takes 1 argument, not 0' },
  { source: pub('get', 'get_should_return_item_from_array_at_specified_index'), selection: '$->get(1)', input: [1, 2, 3], expected: 2 },
  { source: pub('get', 'get_should_return_item_from_array_at_specified_negative_index'), selection: '$->get(-1)', input: [1, 2, 3], expected: 3 },
  {
    source: pub('get', 'get_should_return_item_from_arrays_when_used_in_map'),
    selection: 'numbers->map(@->get(-2))',
    input: { numbers: [[1, 2, 3], [5, 6]] },
    expected: [2, 5],
  },
  {
    source: pub('get', 'get_should_return_error_when_specified_array_index_does_not_exist'),
    selection: '$->get(3)',
    input: [1, 2, 3],
    errors: ['Method ->get index 3 out of bounds in array of length 3'],
  },
  {
    source: pub('get', 'get_should_return_error_when_specified_array_negative_index_does_not_exist'),
    selection: '$->get(-4)',
    input: [1, 2, 3],
    errors: ['Method ->get index -4 out of bounds in array of length 3'],
  },
  {
    source: pub('get', 'get_should_return_error_when_string_index_applied_to_array'),
    selection: "$->get('bogus')",
    input: [1, 2, 3],
    errors: ['Method ->get on an array requires a integer index, got "bogus"'],
  },
  { source: pub('get', 'get_should_return_char_from_string_at_specified_index'), selection: '$->get(2)', input: 'oyez', expected: 'e' },
  { source: pub('get', 'get_should_return_char_from_string_at_specified_negative_index'), selection: '$->get(-1)', input: 'oyez', expected: 'z' },
  {
    source: pub('get', 'get_should_return_error_when_specified_string_index_does_not_exist'),
    selection: '$->get(4)',
    input: 'oyez',
    errors: ['Method ->get index 4 out of bounds in string of length 4'],
  },
  {
    source: pub('get', 'get_should_return_error_when_calculated_string_index_does_not_exist'),
    selection: '$->get($->echo(-5)->mul(2)  )',
    input: 'oyez',
    errors: ['Method ->get index -10 out of bounds in string of length 4'],
  },
  {
    source: pub('get', 'get_should_return_error_when_passing_bool_as_index'),
    selection: '$->get(true)',
    input: 'input',
    errors: ['Method ->get on a string requires a integer index, got true'],
  },
  { source: pub('get', 'get_should_return_item_from_object_at_specified_property'), selection: "$->get('a')", input: { a: 1, b: 2, c: 3 }, expected: 1 },
  {
    source: pub('get', 'get_should_throw_error_when_object_property_does_not_exist'),
    selection: "$->get('d')",
    input: { a: 1, b: 2, c: 3 },
    errors: ['Method ->get property d not found in object'],
  },
  { source: pub('get', 'get_should_be_able_to_chain_method_off_of_selected_object_property'), selection: "$->get('a')->add(10)", input: { a: 1, b: 2, c: 3 }, expected: 11 },
  { source: pub('get', 'get_should_return_none_when_argument_evaluates_to_none'), selection: '$.arr->get($.missing)', input: { arr: [1, 2, 3] }, errors: [missing] },
  {
    source: pub('get', 'get_method (input neither string, array nor object)'),
    selection: '$->get(0)',
    input: 42,
    errors: ['Method ->get must be applied to a string, array, or object'],
  },
  {
    source: pub('get', 'get_method (an object needs a string index)'),
    selection: '$->get(0)',
    input: { a: 1 },
    errors: ['Method ->get on an object requires a string index, got 0'],
  },
  { source: readme('methods (object methods)'), selection: 'aValue: $->echo({ a: 123 })->get("a")', expected: { aValue: 123 } },
];

const has: MappingCase[] = [
  { source: future('has', 'has_should_return_true_when_array_has_item_at_specified_index'), selection: '$->has(1)', input: [1, 2, 3], expected: true },
  { source: future('has', 'has_should_return_false_when_array_does_not_have_item_at_specified_index'), selection: '$->has(5)', input: [1, 2, 3], expected: false },
  { source: future('has', 'has_should_return_true_when_string_has_character_at_specified_index'), selection: '$->has(2)', input: 'oyez', expected: true },
  { source: future('has', 'has_should_return_true_when_string_has_character_at_specified_negative_index'), selection: '$->has(-2)', input: 'oyez', expected: true },
  { source: future('has', 'has_should_return_false_when_string_does_not_have_character_at_specified_negative_index'), selection: '$->has(10)', input: 'oyez', expected: false },
  { source: future('has', 'has_should_return_true_when_object_has_specified_property'), selection: "object->has('a')", input: { object: { a: 123, b: 456 } }, expected: true },
  { source: future('has', 'has_should_return_false_when_object_does_not_have_specified_property'), selection: "object->has('c')", input: { object: { a: 123, b: 456 } }, expected: false },
  { source: future('has', 'has_should_return_false_when_trying_to_access_boolean_property_name'), selection: 'object->has(true)', input: { object: { a: 123, b: 456 } }, expected: false },
  { source: future('has', 'has_should_return_false_when_trying_to_access_null_property_name'), selection: 'object->has(null)', input: { object: { a: 123, b: 456 } }, expected: false },
  { source: future('has', 'has_should_return_boolean_type'), selection: "object->has('xxx')->typeof", input: { object: { a: 123, b: 456 } }, expected: 'boolean' },
  { source: future('has', 'has_should_return_none_when_argument_evaluates_to_none'), selection: 'obj->has($.missing)', input: { obj: [1, 2, 3] }, errors: [missing] },
  {
    source: readme('methods (object methods)'),
    selection: 'hasKey: object->has("key")\nhasAB: object->has("a")->and(object->has("b"))',
    input: { object: { a: 1, b: 2 } },
    expected: { hasKey: false, hasAB: true },
  },
];

export const cases: MappingCase[] = [
  ...echo,
  ...map,
  ...filter,
  ...find,
  ...match,
  ...matchIf,
  ...firstAndLast,
  ...slice,
  ...size,
  ...get,
  ...has,
];
