import type { MappingCase } from './case.ts';

/** `->eq`, `->ne`, `->gt`, `->gte`, `->lt`, `->lte`, `->and`, `->or`, `->not`, `->add`, `->sub`, `->mul`, `->div`, `->mod`. */
const at = (file: string, test: string) => `router json_selection/methods/public/${file}.rs: ${test}`;
const missing = 'Property .missing not found in object';

export const cases: MappingCase[] = [
  // ->eq
  { source: at('eq', 'eq_should_return_true_when_applied_to_equals_argument'), selection: 'result: value->eq(123)', input: { value: 123 }, expected: { result: true } },
  { source: at('eq', 'eq_should_return_false_when_applied_to_does_not_equal_argument'), selection: 'result: value->eq(1234)', input: { value: 123 }, expected: { result: false } },
  { source: at('eq', 'eq_should_return_true_when_applied_to_negative_numbers_of_different_types'), selection: 'result: value->eq(-1)', input: { value: -1.0 }, expected: { result: true } },
  { source: at('eq', 'eq_should_return_true_when_applied_to_equals_string_argument'), selection: 'result: value->eq("hello")', input: { value: 'hello' }, expected: { result: true } },
  { source: at('eq', 'eq_should_return_false_when_applied_to_does_not_equal_bool_argument'), selection: 'result: value->eq(false)', input: { value: true }, expected: { result: false } },
  { source: at('eq', 'eq_should_return_true_when_applied_to_equals_object_argument'), selection: 'result: value->eq({"name": "John", "age": 30})', input: { value: { name: 'John', age: 30 } }, expected: { result: true } },
  { source: at('eq', 'eq_should_return_false_when_applied_to_does_not_equal_array_argument'), selection: 'result: value->eq([4, 5, 6])', input: { value: [1, 2, 3] }, expected: { result: false } },
  { source: at('eq', 'eq_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->eq($.missing)', input: { a: 5 }, errors: [missing] },

  // ->ne
  { source: at('ne', 'ne_should_return_false_when_applied_to_equals_argument'), selection: 'result: value->ne(123)', input: { value: 123 }, expected: { result: false } },
  { source: at('ne', 'ne_should_return_true_when_applied_to_does_not_equal_argument'), selection: 'result: value->ne(1234)', input: { value: 123 }, expected: { result: true } },
  { source: at('ne', 'ne_should_return_true_when_applied_to_does_not_equal_string_argument'), selection: 'result: value->ne("world")', input: { value: 'hello' }, expected: { result: true } },
  { source: at('ne', 'ne_should_return_false_when_applied_to_equals_bool_argument'), selection: 'result: value->ne(true)', input: { value: true }, expected: { result: false } },
  { source: at('ne', 'ne_should_return_true_when_applied_to_does_not_equal_object_argument'), selection: 'result: value->ne({"name": "Jane", "age": 25})', input: { value: { name: 'John', age: 30 } }, expected: { result: true } },
  { source: at('ne', 'ne_should_return_false_when_applied_to_equals_array_argument'), selection: 'result: value->ne([1, 2, 3])', input: { value: [1, 2, 3] }, expected: { result: false } },
  { source: at('ne', 'ne_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->ne($.missing)', input: { a: 5 }, errors: [missing] },

  // ->gt
  { source: at('gt', 'gt_should_return_true_when_applied_to_number_is_greater_than_argument'), selection: 'result: value->gt(3)', input: { value: 4 }, expected: { result: true } },
  { source: at('gt', 'gt_should_return_false_when_applied_to_number_equals_argument'), selection: 'result: value->gt(3)', input: { value: 3 }, expected: { result: false } },
  { source: at('gt', 'gt_should_return_true_when_applied_to_string_is_greater_than_argument'), selection: 'result: value->gt("b")', input: { value: 'c' }, expected: { result: true } },
  { source: at('gt', 'gt_should_return_false_when_applied_to_string_equals_argument'), selection: 'result: value->gt("a")', input: { value: 'a' }, expected: { result: false } },
  { source: at('gt', 'gt_should_error_for_null_values'), selection: 'result: value->gt(null)', input: { value: null }, expected: {}, errors: ['Method ->gt can only compare numbers and strings. Found: null > null'] },
  { source: at('gt', 'gt_should_error_for_objects'), selection: 'result: value->gt({"a": 1})', input: { value: { a: 1, b: 2 } }, expected: {}, errors: ['Method ->gt can only compare numbers and strings. Found: {"a":1,"b":2} > {"a":1}'] },
  { source: at('gt', 'gt_should_error_for_mixed_types'), selection: 'result: value->gt("string")', input: { value: 42 }, expected: {}, errors: ['Method ->gt can only compare numbers and strings. Found: 42 > "string"'] },
  { source: at('gt', 'gt_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->gt($.missing)', input: { a: 5 }, errors: [missing] },

  // ->gte
  { source: at('gte', 'gte_should_return_true_when_applied_to_number_equals_argument'), selection: 'result: value->gte(3)', input: { value: 3 }, expected: { result: true } },
  { source: at('gte', 'gte_should_return_false_when_applied_to_number_is_less_than_argument'), selection: 'result: value->gte(3)', input: { value: 2 }, expected: { result: false } },
  { source: at('gte', 'gte_should_return_true_when_applied_to_string_equals_argument'), selection: 'result: value->gte("a")', input: { value: 'a' }, expected: { result: true } },
  { source: at('gte', 'gte_should_return_false_when_applied_to_string_is_less_than_argument'), selection: 'result: value->gte("b")', input: { value: 'a' }, expected: { result: false } },
  { source: at('gte', 'gte_should_error_for_boolean_values'), selection: 'result: value->gte(false)', input: { value: true }, expected: {}, errors: ['Method ->gte can only compare numbers and strings. Found: true >= false'] },
  { source: at('gte', 'gte_should_error_for_arrays'), selection: 'result: value->gte([1,2])', input: { value: [1, 2, 3] }, expected: {}, errors: ['Method ->gte can only compare numbers and strings. Found: [1,2,3] >= [1,2]'] },
  { source: at('gte', 'gte_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->gte($.missing)', input: { a: 5 }, errors: [missing] },

  // ->lt
  { source: at('lt', 'lt_should_return_true_when_applied_to_number_is_less_than_argument'), selection: 'result: value->lt(3)', input: { value: 2 }, expected: { result: true } },
  { source: at('lt', 'lt_should_return_false_when_applied_to_number_equals_argument'), selection: 'result: value->lt(3)', input: { value: 3 }, expected: { result: false } },
  { source: at('lt', 'lt_should_return_true_when_applied_to_string_is_less_than_argument'), selection: 'result: value->lt("b")', input: { value: 'a' }, expected: { result: true } },
  { source: at('lt', 'lt_should_return_false_when_applied_to_string_is_greater_than_argument'), selection: 'result: value->lt("b")', input: { value: 'c' }, expected: { result: false } },
  { source: at('lt', 'lt_should_error_for_null_values'), selection: 'result: value->lt(null)', input: { value: null }, expected: {}, errors: ['Method ->lt can only compare numbers and strings. Found: null < null'] },
  { source: at('lt', 'lt_should_error_for_mixed_types'), selection: 'result: value->lt("string")', input: { value: 42 }, expected: {}, errors: ['Method ->lt can only compare numbers and strings. Found: 42 < "string"'] },
  { source: at('lt', 'lt_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->lt($.missing)', input: { a: 5 }, errors: [missing] },

  // ->lte
  { source: at('lte', 'lte_should_return_true_when_applied_to_number_equals_argument'), selection: 'result: value->lte(3)', input: { value: 3 }, expected: { result: true } },
  { source: at('lte', 'lte_should_return_false_when_applied_to_number_is_greater_than_argument'), selection: 'result: value->lte(3)', input: { value: 4 }, expected: { result: false } },
  { source: at('lte', 'lte_should_return_true_when_applied_to_string_equals_argument'), selection: 'result: value->lte("a")', input: { value: 'a' }, expected: { result: true } },
  { source: at('lte', 'lte_should_return_false_when_applied_to_string_is_greater_than_argument'), selection: 'result: value->lte("b")', input: { value: 'c' }, expected: { result: false } },
  { source: at('lte', 'lte_should_error_for_objects'), selection: 'result: value->lte({"a": 1})', input: { value: { a: 1, b: 2 } }, expected: {}, errors: ['Method ->lte can only compare numbers and strings. Found: {"a":1,"b":2} <= {"a":1}'] },
  { source: at('lte', 'lte_should_error_for_boolean_values'), selection: 'result: value->lte(false)', input: { value: true }, expected: {}, errors: ['Method ->lte can only compare numbers and strings. Found: true <= false'] },
  { source: at('lte', 'lte_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->lte($.missing)', input: { a: 5 }, errors: [missing] },

  // ->and
  { source: at('and', 'and_should_return_true_when_both_values_are_truthy'), selection: '$.both->and($.and)', input: { both: true, and: true }, expected: true },
  { source: at('and', 'and_should_return_false_when_either_value_is_falsy'), selection: 'data.x->and($.data.y)', input: { data: { x: true, y: false } }, expected: false },
  { source: at('and', 'and_should_return_false_when_first_is_false_second_is_true'), selection: '$.first->and($.second)', input: { first: false, second: true }, expected: false },
  // Non-boolean arguments are reported and skipped: the answer stays true.
  { source: at('and', 'and_should_return_error_when_arguments_are_not_boolean'), selection: '$.a->and($.b, $.c)', input: { a: true, b: null, c: 0 }, expected: true, errors: ['Method ->and can only accept boolean arguments.'] },
  { source: at('and', 'and_should_return_error_when_applied_to_non_boolean'), selection: '$.b->and($.a, $.c)', input: { a: false, b: null, c: 0 }, errors: ['Method ->and can only be applied to boolean values.'] },
  { source: at('and', 'and_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->and($.missing)', input: { a: true }, errors: [missing] },
  { source: 'router json_selection/README.md: all: $.first->and($.second)->and($.third)', selection: 'all: $.first->and($.second)->and($.third)', input: { first: true, second: true, third: true }, expected: { all: true } },

  // ->or
  { source: at('or', 'or_should_return_true_when_either_value_is_truthy'), selection: '$.both->or($.and)', input: { both: true, and: false }, expected: true },
  { source: at('or', 'or_should_return_false_when_neither_value_is_truthy'), selection: 'data.x->or($.data.y)', input: { data: { x: false, y: false } }, expected: false },
  { source: at('or', 'or_should_return_error_when_arguments_are_not_boolean'), selection: '$.a->or($.b, $.c)', input: { a: false, b: null, c: 0 }, expected: false, errors: ['Method ->or can only accept boolean arguments.'] },
  { source: at('or', 'or_should_return_error_when_applied_to_non_boolean'), selection: '$.b->or($.a, $.c)', input: { a: false, b: null, c: 0 }, errors: ['Method ->or can only be applied to boolean values.'] },
  { source: at('or', 'or_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->or($.missing)', input: { a: false }, errors: [missing] },
  { source: 'router json_selection/README.md: disjunction: $.a->or($.b)->or($.c)', selection: 'disjunction: $.a->or($.b)->or($.c)', input: { a: false, b: false, c: true }, expected: { disjunction: true } },

  // ->not
  { source: at('not', 'not_should_negate_true'), selection: '$.value->not', input: { value: true }, expected: false },
  { source: at('not', 'not_should_negate_false'), selection: '$.value->not', input: { value: false }, expected: true },
  { source: at('not', 'not_should_return_error_when_applied_to_non_boolean'), selection: '$.value->not', input: { value: 'hello' }, errors: ['Method ->not can only be applied to boolean values.'] },
  { source: at('not', 'not_should_work_with_double_negation'), selection: '$.value->not->not', input: { value: true }, expected: true },
  { source: 'router json_selection/README.md: aImpliesB: $.a->not->or($.b)', selection: 'aImpliesB: $.a->not->or($.b)', input: { a: true, b: false }, expected: { aImpliesB: false } },
  { source: 'router json_selection/README.md: excludedMiddle: $.toBe->or($.toBe->not)->eq(true)', selection: 'excludedMiddle: $.toBe->or($.toBe->not)->eq(true)', input: { toBe: false }, expected: { excludedMiddle: true } },

  // ->add
  { source: at('arithmetic', 'add_should_return_sum_of_integers'), selection: '$->add(3)', input: 2, expected: 5 },
  { source: at('arithmetic', 'add_should_return_sum_of_integer_and_float'), selection: '$->add(1.5)', input: 2, expected: 3.5 },
  { source: at('arithmetic', 'add_should_return_sum_of_floats'), selection: '$->add(1.5)', input: 2.5, expected: 4.0 },
  { source: at('arithmetic', 'add_should_return_sum_of_multiple_arguments'), selection: '$->add(1, 2, 3)', input: 4, expected: 10 },
  { source: at('arithmetic', 'add_should_return_sum_with_negative_numbers'), selection: '$->add(-5)', input: 10, expected: 5 },
  { source: at('arithmetic', 'add_should_return_error_when_applied_to_non_numeric_input'), selection: '$->add(1)', input: 'not a number', errors: ['Method ->add requires numeric arguments'] },
  { source: at('arithmetic', 'add_should_return_error_when_given_non_numeric_argument'), selection: "$->add('not a number')", input: 5, errors: ['Method ->add requires numeric arguments'] },
  { source: at('arithmetic', 'add_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->add($.missing)', input: { a: 5 }, errors: [missing, 'Method ->add requires numeric arguments'] },
  { source: 'router json_selection/apply_to.rs: test_lit_paths', selection: '$(1234)->add(1111)', expected: 2345 },
  // `-` binds tighter than `->`: (-1)->add(10).
  { source: 'router json_selection/apply_to.rs: test_lit_paths', selection: '$(-1->add(10))', expected: 9 },
  {
    source: 'router json_selection/README.md: LitPath',
    selection: 'object: $({ sum: 1234->add(5678), celsius: 98.6->sub(32)->mul(5)->div(9), nine: -1->add(10), false: true->not, true: false->not, twenty: { a: 1, b: 2 }.b->mul(10) })',
    expected: { object: { sum: 6912, celsius: ((98.6 - 32) * 5) / 9, nine: 9, false: false, true: true, twenty: 20 } },
  },
  { source: 'router json_selection/apply_to.rs: null_coalescing_should_fallback_when_null_used_as_method_arg', selection: '$.a->add(b ?? c)', input: { a: 5, b: null, c: 5 }, expected: 10 },

  // ->sub
  { source: at('arithmetic', 'sub_should_return_difference_of_integers'), selection: '$->sub(3)', input: 8, expected: 5 },
  { source: at('arithmetic', 'sub_should_return_difference_of_float_and_integer'), selection: '$->sub(2)', input: 5.5, expected: 3.5 },
  { source: at('arithmetic', 'sub_should_return_difference_of_floats'), selection: '$->sub(2.5)', input: 5.5, expected: 3.0 },
  { source: at('arithmetic', 'sub_should_return_difference_with_multiple_arguments'), selection: '$->sub(1, 2)', input: 10, expected: 7 },
  { source: at('arithmetic', 'sub_should_return_negative_result'), selection: '$->sub(10)', input: 5, expected: -5 },
  { source: at('arithmetic', 'sub_should_return_error_when_applied_to_non_numeric_input'), selection: '$->sub(1)', input: 'not a number', errors: ['Method ->sub requires numeric arguments'] },
  { source: at('arithmetic', 'sub_should_return_error_when_given_non_numeric_argument'), selection: "$->sub('not a number')", input: 5, errors: ['Method ->sub requires numeric arguments'] },
  { source: at('arithmetic', 'sub_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->sub($.missing)', input: { a: 5 }, errors: [missing, 'Method ->sub requires numeric arguments'] },

  // ->mul
  { source: at('arithmetic', 'mul_should_return_product_of_integers'), selection: '$->mul(3)', input: 4, expected: 12 },
  { source: at('arithmetic', 'mul_should_return_product_of_integer_and_float'), selection: '$->mul(2.5)', input: 4, expected: 10.0 },
  { source: at('arithmetic', 'mul_should_return_product_of_floats'), selection: '$->mul(2.5)', input: 1.5, expected: 3.75 },
  { source: at('arithmetic', 'mul_should_return_product_with_multiple_arguments'), selection: '$->mul(2, 3)', input: 4, expected: 24 },
  { source: at('arithmetic', 'mul_should_return_zero_when_multiplied_by_zero'), selection: '$->mul(0)', input: 5, expected: 0 },
  { source: at('arithmetic', 'mul_should_return_error_when_applied_to_non_numeric_input'), selection: '$->mul(2)', input: 'not a number', errors: ['Method ->mul requires numeric arguments'] },
  { source: at('arithmetic', 'mul_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->mul($.missing)', input: { a: 5 }, errors: [missing, 'Method ->mul requires numeric arguments'] },
  { source: 'router json_selection/apply_to.rs: test_lit_paths', selection: '$(value.key)->mul(10)', input: { value: { key: 123 } }, expected: 1230 },

  // ->div: always a float division, so whole numbers can answer fractions.
  { source: at('arithmetic', 'div_should_return_quotient_of_integers_as_float'), selection: '$->div(2)', input: 6, expected: 3.0 },
  { source: at('arithmetic', 'div_should_return_quotient_with_decimal_result'), selection: '$->div(2)', input: 5, expected: 2.5 },
  { source: at('arithmetic', 'arithmetic_method (->echo(5)->div(5) results in 1.0; division always returns a float)'), selection: '$->div(2)', input: 7, expected: 3.5 },
  { source: at('arithmetic', 'div_should_return_quotient_of_floats'), selection: '$->div(2.5)', input: 7.5, expected: 3.0 },
  { source: at('arithmetic', 'div_should_return_quotient_with_multiple_arguments'), selection: '$->div(2, 3)', input: 12, expected: 2.0 },
  { source: at('arithmetic', 'div_should_return_quotient_with_negative_numbers'), selection: '$->div(-2)', input: 10, expected: -5.0 },
  { source: at('arithmetic', 'div_should_return_error_when_given_non_numeric_argument'), selection: "$->div('not a number')", input: 5, errors: ['Method ->div requires numeric arguments'] },
  // A quotient JSON cannot hold (infinity) is refused by Number::from_f64, and the call fails on that argument.
  { source: at('arithmetic', 'infix_math_op (Number::from_f64 of an infinite quotient)'), selection: '$->div(0)', input: 5, errors: ['Method ->div failed on argument 0'] },
  { source: at('arithmetic', 'div_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->div($.missing)', input: { a: 5 }, errors: [missing, 'Method ->div requires numeric arguments'] },

  // ->mod
  { source: at('arithmetic', 'mod_should_return_remainder_of_integers'), selection: '$->mod(3)', input: 7, expected: 1 },
  { source: at('arithmetic', 'mod_should_return_remainder_of_integer_and_float'), selection: '$->mod(2.5)', input: 7, expected: 2.0 },
  { source: at('arithmetic', 'mod_should_return_remainder_of_float_and_integer'), selection: '$->mod(3)', input: 7.5, expected: 1.5 },
  { source: at('arithmetic', 'mod_should_return_remainder_of_floats'), selection: '$->mod(2.5)', input: 7.5, expected: 0.0 },
  { source: at('arithmetic', 'mod_should_return_remainder_with_multiple_arguments'), selection: '$->mod(3, 2)', input: 10, expected: 1 },
  { source: at('arithmetic', 'mod_should_return_zero_when_no_remainder'), selection: '$->mod(5)', input: 10, expected: 0 },
  { source: at('arithmetic', 'mod_should_return_error_when_applied_to_non_numeric_input'), selection: '$->mod(2)', input: 'not a number', errors: ['Method ->mod requires numeric arguments'] },
  { source: at('arithmetic', 'mod_should_return_error_when_given_non_numeric_argument'), selection: "$->mod('not a number')", input: 5, errors: ['Method ->mod requires numeric arguments'] },
  { source: at('arithmetic', 'mod_should_return_none_when_argument_evaluates_to_none'), selection: '$.a->mod($.missing)', input: { a: 5 }, errors: [missing, 'Method ->mod requires numeric arguments'] },

  // Wrong argument counts. Apollo finds them only when applying, answers no
  // value and reports `Method ->eq requires exactly one argument` (likewise
  // ->ne, ->gt, ->gte, ->lt, ->lte), `Method ->and requires arguments` (->or),
  // `Method ->not does not take any arguments`, or `Method ->add requires at
  // least one argument` (->sub, ->mul, ->div, ->mod). Our compiler refuses
  // such a selection up front, from MethodSpec.args.
  { source: at('eq', 'eq_should_return_error_when_no_arguments_provided'), selection: 'result: value->eq()', syntaxError: '->eq takes 1 argument, not 0' },
  { source: at('ne', 'ne_should_return_error_when_no_arguments_provided'), selection: 'result: value->ne()', syntaxError: '->ne takes 1 argument, not 0' },
  { source: at('gt', 'gt_should_return_error_when_no_arguments_provided'), selection: 'result: value->gt()', syntaxError: '->gt takes 1 argument, not 0' },
  { source: at('gte', 'gte_should_return_error_when_no_arguments_provided'), selection: 'result: value->gte()', syntaxError: '->gte takes 1 argument, not 0' },
  { source: at('lt', 'lt_should_return_error_when_no_arguments_provided'), selection: 'result: value->lt()', syntaxError: '->lt takes 1 argument, not 0' },
  { source: at('lte', 'lte_should_return_error_when_no_arguments_provided'), selection: 'result: value->lte()', syntaxError: '->lte takes 1 argument, not 0' },
  { source: at('and', 'and_should_return_error_when_no_arguments_provided'), selection: '$.a->and', syntaxError: '->and takes at least 1 argument' },
  { source: at('or', 'or_should_return_error_when_no_arguments_provided'), selection: '$.a->or', syntaxError: '->or takes at least 1 argument' },
  { source: at('not', 'not_should_return_error_when_arguments_provided'), selection: '$.value->not(true)', syntaxError: '->not takes 0 arguments, not 1' },
  { source: at('arithmetic', 'add_should_return_error_when_no_arguments_provided'), selection: '$->add', syntaxError: '->add takes at least 1 argument' },
  { source: at('arithmetic', 'sub_should_return_error_when_no_arguments_provided'), selection: '$->sub', syntaxError: '->sub takes at least 1 argument' },
  { source: at('arithmetic', 'mul_should_return_error_when_no_arguments_provided'), selection: '$->mul', syntaxError: '->mul takes at least 1 argument' },
  { source: at('arithmetic', 'div_should_return_error_when_no_arguments_provided'), selection: '$->div', syntaxError: '->div takes at least 1 argument' },
  { source: at('arithmetic', 'mod_should_return_error_when_no_arguments_provided'), selection: '$->mod', syntaxError: '->mod takes at least 1 argument' },
];
