import type { MethodCall } from './methods/method.ts';
import { fail, type Evaluate, type Scope } from './scope.ts';

/** One method call's view of its arguments: evaluated when the method asks, with `@` bound as it says. */
export class Call implements MethodCall {
  readonly name: string;
  readonly #args: Evaluate[];
  readonly #input: unknown;
  readonly #dollar: unknown;
  readonly #scope: Scope;
  readonly #offset: number;
  constructor(name: string, args: Evaluate[], input: unknown, dollar: unknown, scope: Scope, offset: number) {
    this.name = name;
    this.#args = args;
    this.#input = input;
    this.#dollar = dollar;
    this.#scope = scope;
    this.#offset = offset;
  }
  get argCount(): number {
    return this.#args.length;
  }
  arg(index: number, at: unknown = this.#input): unknown {
    return this.#args[index]?.(at, this.#dollar, this.#scope);
  }
  fail(message: string): undefined {
    return fail(this.#scope, message, this.#offset);
  }
}
