/**
 * Object, type and text methods of the mapping language: `->keys`,
 * `->values`, `->entries`, `->typeof`, `->jsonParse`, `->jsonStringify`,
 * `->joinNotNull`, `->toString`, `->parseInt`, `->contains` and `->in`, with
 * the behaviour and messages of Apollo's engine.
 * Values are written and read as Apollo's engine does (`../json-text.ts`, `../json-parse.ts`).
 */
import { isObject, jsonEqual, scalarText, typeName } from '../json.ts';
import { parseJson } from '../json-parse.ts';
import { jsonNumberText, jsonText } from '../json-text.ts';
import type { MethodSpec } from './method.ts';

/** `->keys`, `->values` and `->entries`: an object's members, listed in its order. */
function objectMembers(list: (object: Record<string, unknown>) => unknown[]): MethodSpec {
  return {
    args: [0, 0],
    apply(input, call) {
      if (!isObject(input)) return call.fail(`Method ->${call.name} requires an object input, not ${typeName(input)}`);
      return list(input);
    },
  };
}

/** `->contains` and `->in`: whether `array` holds `wanted`, numbers compared by value (1 equals 1.0). */
function membership(arrayIsInput: boolean): MethodSpec {
  return {
    args: [1, 1],
    apply(input, call) {
      const argument = call.arg(0);
      // An argument with no value has already recorded why.
      if (argument === undefined) return undefined;
      const [array, wanted] = arrayIsInput ? [input, argument] : [argument, input];
      if (!Array.isArray(array)) {
        return call.fail(
          arrayIsInput
            ? `Method ->${call.name} requires an array input, but got: ${jsonText(input)}`
            : `Method ->${call.name} requires an array argument, but got: ${jsonText(argument)}`,
        );
      }
      return array.some((item) => jsonEqual(item, wanted));
    },
  };
}

/** `f64 as i64` in Rust: truncated toward zero, saturating at the i64 bounds. */
function truncatedIntegerText(n: number): string {
  const whole = Math.trunc(n);
  if (whole >= 2 ** 63) return '9223372036854775807';
  if (whole <= -(2 ** 63)) return '-9223372036854775808';
  return String(whole);
}

/**
 * Rust's `i64::from_str_radix`: one optional sign, then at least one digit of
 * the base (letters in either case), nothing else, no whitespace, within i64.
 */
function parseI64(text: string, base: number): number | undefined {
  // The common case, exactly: up to 15 decimal digits fit both a double and an i64 (`+ 0` makes -0 a 0).
  if (base === 10 && isShortDecimal(text)) return Number(text) + 0;
  const negative = text.startsWith('-');
  const digits = negative || text.startsWith('+') ? text.slice(1) : text;
  if (digits === '') return undefined;
  let value = 0n;
  for (const char of digits) {
    const digit = /^[0-9a-z]$/i.test(char) ? parseInt(char, 36) : Infinity;
    if (digit >= base) return undefined;
    value = value * BigInt(base) + BigInt(digit);
  }
  if (negative) value = -value;
  return value >= -(2n ** 63n) && value < 2n ** 63n ? Number(value) : undefined;
}

/** An optional sign and 1 to 15 decimal digits; tested by character codes rather than a regular expression, since it runs per item. */
function isShortDecimal(text: string): boolean {
  const signed = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45;
  const digits = text.length - (signed ? 1 : 0);
  if (digits < 1 || digits > 15) return false;
  for (let index = signed ? 1 : 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Declared apart: as a member of an object literal, `toString` would be typed
 * as `Object.prototype.toString`.
 */
const toStringMethod: MethodSpec = {
  args: [0, 0],
  apply(input, call) {
    const { text, scalar } = scalarText(input);
    if (!scalar) {
      return call.fail(
        `Method ->${call.name} cannot convert arrays or objects to strings. Use ->jsonStringify or ->joinNotNull instead`,
      );
    }
    return text ?? '';
  },
};

export const objectAndTextMethods: Record<string, MethodSpec> = {
  keys: objectMembers(Object.keys),
  values: objectMembers(Object.values),
  entries: objectMembers((object) => Object.entries(object).map(([key, value]) => ({ key, value }))),

  typeof: {
    args: [0, 0],
    apply(input) {
      return typeName(input);
    },
  },

  jsonParse: {
    args: [0, 0],
    apply(input, call) {
      if (typeof input !== 'string') return call.fail(`Method ->${call.name} requires a string input, got ${typeName(input)}`);
      const parsed = parseJson(input);
      if ('error' in parsed) return call.fail(`Method ->${call.name} failed to parse JSON string: ${parsed.error}`);
      return parsed.value;
    },
  },

  jsonStringify: {
    args: [0, 0],
    apply(input) {
      return jsonText(input);
    },
  },

  joinNotNull: {
    args: [1, 1],
    apply(input, call) {
      const separator = call.arg(0);
      if (typeof separator !== 'string') {
        return call.fail(`Method ->${call.name} requires a string argument, but received ${jsonText(separator)}`);
      }
      // A single scalar is joined alone; null values are skipped (a lone null gives "").
      const texts: string[] = [];
      for (const value of Array.isArray(input) ? input : [input]) {
        const { text, scalar } = scalarText(value);
        if (!scalar) return call.fail(`Method ->${call.name} requires an array of scalar values as input`);
        if (text !== undefined) texts.push(text);
      }
      return texts.join(separator);
    },
  },

  toString: toStringMethod,

  parseInt: {
    args: [0, 1],
    apply(input, call) {
      let text: string;
      if (typeof input === 'string') text = input;
      // Numbers are parsed as the text of their integer part.
      else if (typeof input === 'number') text = truncatedIntegerText(input);
      else return call.fail(`Method ->${call.name} can only parse strings and numbers. Found: ${jsonText(input)}`);

      let base = 10;
      if (call.argCount === 1) {
        const argument = call.arg(0);
        // An argument with no value has already recorded why.
        if (argument === undefined) return undefined;
        if (typeof argument !== 'number') {
          return call.fail(`Method ->${call.name} base argument must be a number. Found: ${jsonText(argument)}`);
        }
        if (!Number.isInteger(argument) || argument < 0 || Object.is(argument, -0)) {
          return call.fail(`Method ->${call.name} base argument must be an integer. Found: ${jsonNumberText(argument)}`);
        }
        if (argument < 2 || argument > 36) {
          return call.fail(
            `Method ->${call.name} failed to parse '${text}' as integer with base ${argument} (radix must be between 2 and 36)`,
          );
        }
        base = argument;
      }
      return parseI64(text, base) ?? call.fail(`Method ->${call.name} failed to parse '${text}' as integer with base ${base}`);
    },
  },

  contains: membership(true),
  in: membership(false),
};
