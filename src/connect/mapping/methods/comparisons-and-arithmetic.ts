/**
 * Comparison, logic and arithmetic methods of the mapping language: `->eq`,
 * `->ne`, `->gt`, `->gte`, `->lt`, `->lte`, `->and`, `->or`, `->not`,
 * `->add`, `->sub`, `->mul`, `->div`, `->mod`, with Apollo's behaviour and
 * messages.
 *
 * Apollo keeps integers and floats apart (`6->div(2)` writes `3.0`, `6->mul(2)`
 * writes `12`); JavaScript has one number type, and JSON readers read `3.0` as
 * 3 too, so the answers here are Apollo's answers as numbers.
 */
import { jsonEqual } from '../json.ts';
import { jsonText } from '../json-text.ts';
import type { MethodSpec } from './method.ts';

/** `->eq` and `->ne`: deep equality by value, numbers compared as numbers (so `1` equals `1.0`). */
function equality(equal: boolean): MethodSpec {
  return {
    args: [1, 1],
    apply(input, call) {
      const other = call.arg(0);
      // An argument with no value answers no value; its own error is already recorded.
      return other === undefined ? undefined : jsonEqual(input, other) === equal;
    },
  };
}

/**
 * Strings ordered as Rust orders them: by Unicode code point (the order of
 * their UTF-8 bytes), where JavaScript's `<` compares UTF-16 units and puts
 * characters beyond U+FFFF before U+E000–U+FFFF.
 */
function compareText(left: string, right: string): number {
  for (let index = 0; index < left.length && index < right.length; ) {
    const a = left.codePointAt(index)!;
    const b = right.codePointAt(index)!;
    if (a !== b) return a < b ? -1 : 1;
    index += a > 0xffff ? 2 : 1;
  }
  return left.length - right.length;
}

/** -1, 0 or 1 for two numbers or two strings; `undefined` for any other pair. */
function order(left: unknown, right: unknown): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === 'string' && typeof right === 'string') return Math.sign(compareText(left, right));
  return undefined;
}

/** `->gt`, `->gte`, `->lt`, `->lte`: `symbol` is the operator Apollo's message shows. */
function ordering(symbol: '>' | '>=' | '<' | '<=', holds: (sign: number) => boolean): MethodSpec {
  return {
    args: [1, 1],
    apply(input, call) {
      const other = call.arg(0);
      if (other === undefined) return undefined;
      const sign = order(input, other);
      if (sign === undefined) {
        return call.fail(
          `Method ->${call.name} can only compare numbers and strings. Found: ${jsonText(input)} ${symbol} ${jsonText(other)}`,
        );
      }
      return holds(sign);
    },
  };
}

/**
 * `->and` and `->or`: the input and every argument must be booleans; the
 * arguments are evaluated in order until the answer is `decisive` (false for
 * `->and`, true for `->or`). A non-boolean argument is reported and skipped;
 * an argument with no value makes the whole answer no value.
 */
function connective(decisive: boolean): MethodSpec {
  return {
    args: [1, Infinity],
    apply(input, call) {
      if (typeof input !== 'boolean') return call.fail(`Method ->${call.name} can only be applied to boolean values.`);
      let result = input;
      for (let index = 0; index < call.argCount && result !== decisive; index++) {
        const value = call.arg(index);
        if (value === undefined) return undefined;
        if (typeof value === 'boolean') result = value;
        else call.fail(`Method ->${call.name} can only accept boolean arguments.`);
      }
      return result;
    },
  };
}

const not: MethodSpec = {
  args: [0, 0],
  apply(input, call) {
    if (typeof input !== 'boolean') return call.fail(`Method ->${call.name} can only be applied to boolean values.`);
    return !input;
  },
};

/**
 * `->add`, `->sub`, `->mul`, `->div`, `->mod`: folds the arguments into the
 * input, left to right. A result JSON cannot hold (infinity, NaN: division by
 * zero) fails on the argument that produced it, as Apollo's does.
 */
function arithmetic(operate: (left: number, right: number) => number): MethodSpec {
  return {
    args: [1, Infinity],
    apply(input, call) {
      if (typeof input !== 'number') return call.fail(`Method ->${call.name} requires numeric arguments`);
      let result = input;
      for (let index = 0; index < call.argCount; index++) {
        const value = call.arg(index);
        if (typeof value !== 'number') return call.fail(`Method ->${call.name} requires numeric arguments`);
        const next = operate(result, value);
        if (!Number.isFinite(next)) return call.fail(`Method ->${call.name} failed on argument ${value}`);
        // Apollo's integer arithmetic makes no negative zero (`0->mul(-1)`, `-4->mod(2)` answer 0);
        // JSON writes -0 as 0 anyway, so only a later `Object.is` could tell.
        result = next === 0 ? 0 : next;
      }
      return result;
    },
  };
}

export const comparisonAndArithmeticMethods: Record<string, MethodSpec> = {
  eq: equality(true),
  ne: equality(false),
  gt: ordering('>', (sign) => sign > 0),
  gte: ordering('>=', (sign) => sign >= 0),
  lt: ordering('<', (sign) => sign < 0),
  lte: ordering('<=', (sign) => sign <= 0),
  and: connective(false),
  or: connective(true),
  not,
  add: arithmetic((left, right) => left + right),
  sub: arithmetic((left, right) => left - right),
  mul: arithmetic((left, right) => left * right),
  // Always a float division in Apollo too: 7->div(2) answers 3.5.
  div: arithmetic((left, right) => left / right),
  mod: arithmetic((left, right) => left % right),
};
