import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { RunningOrigin } from './lifecycle.ts';
import { checkOption, type NumericOption, type OriginOptions } from './options.ts';

/** What the flags ask for; the port is always set, to the default when not given. */
export type CommandOptions = OriginOptions & { port: number };

/** A simulator's command: which flags it takes besides `--port`, `--host` and `--help`, and how it starts. */
export interface Command {
  /** Starts its messages, e.g. `origin: --port must be ...`. */
  name: string;
  usage: string;
  defaultPort: number;
  /** Flags with a number besides `--port`, e.g. `['latency-ms', 'latencyMs']`, validated as the option they set. */
  numericFlags: readonly (readonly [flag: string, option: NumericOption])[];
  start(options: CommandOptions): Promise<RunningOrigin>;
  /** What it prints once it is listening. */
  readyLine(url: string, options: CommandOptions): string;
}

/** Parses argv, starts, and stops on SIGINT or SIGTERM; a bad flag exits with code 2 and the usage, a failure to start with 1. */
export async function runCommand(command: Command, args: string[] = process.argv.slice(2)): Promise<void> {
  let options: CommandOptions | 'help';
  try {
    options = parseOptions(command, args);
  } catch (error) {
    console.error(`${command.name}: ${messageOf(error)}\n\n${command.usage}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(command.usage);
    return;
  }

  let origin: RunningOrigin;
  try {
    origin = await command.start(options);
  } catch (error) {
    console.error(`${command.name}: failed to start: ${messageOf(error)}`);
    process.exitCode = 1;
    return;
  }
  console.log(command.readyLine(origin.url, options));
  const shutdown = (): void => {
    origin.close().catch((error: unknown) => {
      console.error(`${command.name}: error while stopping`, error);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Throws an Error with a user-facing message on any bad flag. */
function parseOptions(command: Command, args: string[]): CommandOptions | 'help' {
  const numericFlags = [['port', 'port'], ...command.numericFlags] as const;
  const flags: ParseArgsOptionsConfig = { host: { type: 'string' }, help: { type: 'boolean' } };
  for (const [flag] of numericFlags) flags[flag] = { type: 'string' };
  const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: flags });
  if (values.help === true) return 'help';
  const options: CommandOptions = { port: command.defaultPort };
  for (const [flag, name] of numericFlags) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    options[name] = checkOption(name, value, `--${flag}`);
  }
  if (typeof values.host === 'string') {
    if (values.host === '') throw new Error('--host must not be empty');
    options.host = values.host;
  }
  return options;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
