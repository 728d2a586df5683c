/**
 * `next(value)` at once when `value` is already there, else when it settles:
 * a step that is remembered costs no turn of the event loop.
 */
export function andThen<T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
