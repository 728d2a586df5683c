/**
 * The surface every `->method` implements. A method receives its input and
 * its arguments unevaluated: it evaluates each one when and against what it
 * chooses (`->map` evaluates its argument once per element, with `@` bound to
 * the element), as Apollo's engine does.
 *
 * A method answers a value, or `undefined` for "no value" (Apollo's `None`):
 * the key it would fill is left out, as with a missing property. A method
 * that fails records why with `fail` and answers `undefined`.
 */
export interface MethodCall {
  /** The method's name as written, for messages: `->slice`. */
  readonly name: string;
  /** How many arguments were written (none for `->first` without parentheses). */
  readonly argCount: number;
  /**
   * Argument `index` evaluated with `@` bound to `at` (by default the
   * method's input); `$` and the variables keep their bindings. `undefined`
   * when the argument is absent or evaluates to no value (its errors are
   * recorded).
   */
  arg(index: number, at?: unknown): unknown;
  /** Records an error on this call's path and answers `undefined`, for `return call.fail(...)`. */
  fail(message: string): undefined;
}

export interface MethodSpec {
  /** Arguments accepted, at least and at most (`Infinity` for any number): checked when the selection is compiled. */
  readonly args: readonly [min: number, max: number];
  apply(input: unknown, call: MethodCall): unknown;
}
