/**
 * The mapping language's methods that echo, walk, pick from and measure
 * values: `->echo`, `->map`, `->filter`, `->find`, `->match`, `->matchIf`,
 * `->first`, `->last`, `->slice`, `->size`, `->get`, `->has`. Their answers
 * and messages follow Apollo's engine (router
 * apollo-federation/src/connectors/json_selection/methods).
 */
import { isObject, jsonEqual, typeName } from '../json.ts';
import { jsonText } from '../json-text.ts';
import type { MethodCall, MethodSpec } from './method.ts';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * Apollo measures and indexes strings in UTF-8 bytes (Rust's `str::len`),
 * not in characters: `"é"->size` is 2. We keep its numbers.
 */
function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** An index from the end when negative, as `->get` and `->has` read it. */
function fromEnd(index: number, length: number): number {
  return index < 0 ? length + index : index;
}

const conditionMessage = (call: MethodCall) => `->${call.name} condition must return a boolean value`;

// Where Apollo uses the first argument and ignores any further ones without a
// word (->echo, ->map, ->has, ->slice past two), so do we: `args` allows them.
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

/**
 * `->first` and `->last`: an element of an array, or a character of a
 * string. Any other input is answered as it is, with an error beside it.
 */
function endMethod(pick: (items: readonly unknown[]) => unknown): MethodSpec {
  return {
    args: [0, 0],
    apply(input, call) {
      if (Array.isArray(input)) return pick(input);
      // Characters are code points here, as Rust's `chars()` yields them.
      if (typeof input === 'string') return pick(Array.from(input));
      call.fail(`Method ->${call.name} requires an array or string input`);
      return input;
    },
  };
}

/** An integer argument, or the fallback when it is anything else. */
function integerOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}

/** One of `->slice`'s offsets: an integer clamped to `0..length`, or `fallback` when it is no integer. (Written without closures or tuples: a slice runs per item.) */
function sliceOffset(value: unknown, fallback: number, length: number): number {
  const offset = integerOr(value, fallback);
  return offset < 0 ? 0 : offset > length ? length : offset;
}

/**
 * A part of an array, or of a string by UTF-8 byte offsets; without
 * arguments, the value itself. Apollo crashes when an offset falls inside a
 * character; here the split character decodes as U+FFFD.
 */
const slice: MethodSpec = {
  args: [0, Infinity],
  apply(input, call) {
    const isString = typeof input === 'string';
    if (!isString && !Array.isArray(input)) return call.fail(`Method ->${call.name} requires an array or string input`);
    if (call.argCount === 0) return input;
    const whole = isString ? utf8(input) : input;
    const start = sliceOffset(call.arg(0), 0, whole.length);
    const end = sliceOffset(call.argCount > 1 ? call.arg(1) : undefined, whole.length, whole.length);
    // An end before the start reads as an empty part.
    return isString ? utf8Decoder.decode((whole as Uint8Array).subarray(start, end)) : whole.slice(start, end);
  },
};

/** Elements of an array, UTF-8 bytes of a string, or properties of an object. */
const size: MethodSpec = {
  args: [0, 0],
  apply(input, call) {
    if (Array.isArray(input)) return input.length;
    if (typeof input === 'string') return utf8(input).length;
    if (isObject(input)) return Object.keys(input).length;
    return call.fail(`Method ->${call.name} requires an array, string, or object input, not ${typeName(input)}`);
  },
};

/**
 * An element of an array or a one-byte character of a string by integer
 * index (negative counts from the end), or a property of an object by name.
 */
const get: MethodSpec = {
  args: [1, 1],
  apply(input, call) {
    const isString = typeof input === 'string';
    if (!isString && !Array.isArray(input) && !isObject(input)) {
      return call.fail(`Method ->${call.name} must be applied to a string, array, or object`);
    }
    const index = call.arg(0);
    if (index === undefined) return undefined;
    if (isObject(input)) {
      if (typeof index !== 'string') {
        return call.fail(`Method ->${call.name} on an object requires a string index, got ${jsonText(index)}`);
      }
      return Object.hasOwn(input, index)
        ? input[index]
        : call.fail(`Method ->${call.name} property ${index} not found in object`);
    }
    const kind = isString ? 'a string' : 'an array';
    if (typeof index !== 'number') {
      return call.fail(`Method ->${call.name} on ${kind} requires a integer index, got ${jsonText(index)}`);
    }
    if (!Number.isInteger(index)) {
      return call.fail(`Method ->${call.name} failed to convert number index to integer`);
    }
    const found = isString ? byteCharacter(input, index) : itemAt(input as unknown[], index);
    if (found !== undefined) return found.value;
    const length = isString ? utf8(input).length : (input as unknown[]).length;
    return call.fail(
      `Method ->${call.name} index ${index} out of bounds in ${isString ? 'string' : 'array'} of length ${length}`,
    );
  },
};

function itemAt(items: readonly unknown[], index: number): { value: unknown } | undefined {
  const at = fromEnd(index, items.length);
  return at >= 0 && at < items.length ? { value: items[at] } : undefined;
}

/**
 * Apollo takes the one byte at `index` as a string: it exists only where that
 * byte is a whole (ASCII) character.
 */
function byteCharacter(text: string, index: number): { value: string } | undefined {
  const bytes = utf8(text);
  const at = fromEnd(index, bytes.length);
  const byte = at >= 0 && at < bytes.length ? bytes[at]! : 0x80;
  return byte < 0x80 ? { value: String.fromCharCode(byte) } : undefined;
}

/**
 * Whether an array or a string (in UTF-8 bytes) has an integer index
 * (negative counts from the end), or an object a property named by a string.
 * Any other pairing answers false.
 */
const has: MethodSpec = {
  args: [1, Infinity],
  apply(input, call) {
    const key = call.arg(0);
    if (key === undefined) return undefined;
    if (typeof key === 'string') return isObject(input) && Object.hasOwn(input, key);
    if (typeof key !== 'number' || !Number.isInteger(key)) return false;
    const length = Array.isArray(input) ? input.length : typeof input === 'string' ? utf8(input).length : undefined;
    if (length === undefined) return false;
    const at = fromEnd(key, length);
    return at >= 0 && at < length;
  },
};

export const listAndChoiceMethods: Record<string, MethodSpec> = {
  echo,
  map,
  filter,
  find,
  match,
  matchIf,
  // Apollo accepts both spellings for the same method.
  match_if: matchIf,
  first: endMethod((items) => items[0]),
  last: endMethod((items) => items.at(-1)),
  slice,
  size,
  get,
  has,
};
