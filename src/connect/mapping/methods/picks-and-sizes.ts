/**
 * The mapping language's methods that pick from and measure values:
 * `->first`, `->last`, `->slice`, `->size`, `->get`, `->has`. Their answers
 * and messages follow Apollo's engine (router
 * apollo-federation/src/connectors/json_selection/methods).
 */
import { isObject, typeName } from '../json.ts';
import { jsonText } from '../json-text.ts';
import type { MethodSpec } from './method.ts';

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

// Where Apollo ignores arguments past those it uses without a word (->slice
// past two, ->has past one), so do we: `args` allows them.
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

export const pickAndSizeMethods: Record<string, MethodSpec> = {
  first: endMethod((items) => items[0]),
  last: endMethod((items) => items.at(-1)),
  slice,
  size,
  get,
  has,
};
