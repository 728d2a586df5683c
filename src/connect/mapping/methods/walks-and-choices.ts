/**
 * The mapping language's methods that echo, walk lists and choose among
 * values: `->echo`, `->map`, `->filter`, `->find`, `->match`, `->matchIf`.
 * Their answers and messages follow Apollo's engine (router
 * apollo-federation/src/connectors/json_selection/methods).
 */
import { jsonEqual } from '../json.ts';
import type { MethodCall, MethodSpec } from './method.ts';

const conditionMessage = (call: MethodCall) => `->${call.name} condition must return a boolean value`;

// Where Apollo uses the first argument and ignores any further ones without a
// word (->echo, ->map), so do we: `args` allows them.
const echo: MethodSpec = {
  args: [1, Infinity],
  apply(_input, call) {
    return call.arg(0);
  },
};

/**
 * On an array, the argument once per element (`@` the element), a missing
 * result standing as null; on anything else, the argument applied to the
 * value, wrapped in a one-element array.
 */
const map: MethodSpec = {
  args: [1, Infinity],
  apply(input, call) {
    if (Array.isArray(input)) return input.map((element) => call.arg(0, element) ?? null);
    const result = call.arg(0, input);
    return result === undefined ? undefined : [result];
  },
};

/**
 * Keeps the elements whose condition is `true`. Every element whose condition
 * is not a boolean is reported and the whole answer is lost, as in Apollo. A
 * non-array is filtered as a one-element array.
 */
const filter: MethodSpec = {
  args: [1, 1],
  apply(input, call) {
    if (!Array.isArray(input)) {
      const condition = call.arg(0, input);
      if (typeof condition === 'boolean') return condition ? [input] : [];
      // A condition without value has reported why already.
      return condition === undefined ? undefined : call.fail(conditionMessage(call));
    }
    const kept: unknown[] = [];
    let failed = false;
    for (const element of input) {
      const condition = call.arg(0, element);
      if (condition === true) kept.push(element);
      else if (condition !== false) {
        call.fail(conditionMessage(call));
        failed = true;
      }
    }
    return failed ? undefined : kept;
  },
};

/** The first element whose condition is `true`; stops at the first condition that is not a boolean. */
const find: MethodSpec = {
  args: [1, 1],
  apply(input, call) {
    if (!Array.isArray(input)) {
      const condition = call.arg(0, input);
      if (typeof condition === 'boolean') return condition ? input : undefined;
      return condition === undefined ? undefined : call.fail(conditionMessage(call));
    }
    for (const element of input) {
      const condition = call.arg(0, element);
      if (condition === true) return element;
      if (condition !== false) return call.fail(conditionMessage(call));
    }
    return undefined;
  },
};

/**
 * The arguments of `->match` and `->matchIf` as `[test, value]` pairs;
 * arguments that are not two-item arrays are skipped, as Apollo skips them.
 *
 * Apollo evaluates a pair's value only once its test has passed, and a test
 * without value fails; here each pair is evaluated whole, so a value's errors
 * are reported even when its test fails, and a test without value reads null.
 */
function* pairs(call: MethodCall, input: unknown): Generator<readonly [test: unknown, value: unknown]> {
  for (let index = 0; index < call.argCount; index++) {
    const pair = call.arg(index, input);
    if (Array.isArray(pair) && pair.length === 2) yield [pair[0], pair[1]];
  }
}

/** The value of the first `[candidate, value]` pair whose candidate equals the input. */
const match: MethodSpec = {
  args: [1, Infinity],
  apply(input, call) {
    for (const [candidate, value] of pairs(call, input)) if (jsonEqual(candidate, input)) return value;
    return call.fail(`Method ->${call.name} did not match any [candidate, value] pair`);
  },
};

/** The value of the first `[condition, value]` pair whose condition is `true`. */
const matchIf: MethodSpec = {
  args: [1, Infinity],
  apply(input, call) {
    for (const [condition, value] of pairs(call, input)) if (condition === true) return value;
    return call.fail(`Method ->${call.name} did not match any [condition, value] pair`);
  },
};

export const walkAndChoiceMethods: Record<string, MethodSpec> = {
  echo,
  map,
  filter,
  find,
  match,
  matchIf,
  // Apollo accepts both spellings for the same method.
  match_if: matchIf,
};
