import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { OriginStats, ProductPage } from '../../../simulator/types.ts';

const CLI = fileURLToPath(new URL('../../../simulator/cli.ts', import.meta.url));

function launch(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--experimental-strip-types', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

/** Runs the CLI to completion. */
async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = launch(args);
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('cli', () => {
  const children: ChildProcess[] = [];

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  /** Starts the CLI and resolves with the url from its "listening" line. */
  async function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
    const child = launch(args);
    children.push(child);
    const stderr = collect(child.stderr);
    const stdout = collect(child.stdout);
    const exited = once(child, 'exit').then(() => {
      throw new Error(`cli exited early: ${stderr()}`);
    });
    const listening = (async () => {
      while (!stdout().includes('\n')) await once(child.stdout ?? child, 'data');
      return stdout();
    })();
    const line = await Promise.race([listening, exited]);
    const url = /^origin listening on (http:\/\/\S+) \(latency \d+ms/.exec(line)?.[1];
    if (url === undefined) throw new Error(`unexpected output: ${line}`);
    return { child, url };
  }

  it('starts on a free port with --port 0, serves, and stops cleanly on SIGTERM', async () => {
    const { child, url } = await start(['--port', '0', '--latency-ms', '0', '--products', '25']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
    const page = (await (await fetch(`${url}/api/products`)).json()) as ProductPage;
    expect(page.total).toBe(25);
    child.kill('SIGTERM');
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });

  it('stops cleanly on SIGINT even with a request waiting', async () => {
    const { child, url } = await start(['--port', '0', '--latency-ms', '60000', '--crash-seconds', '0.5', '--max-concurrency', '4']);
    const waiting = fetch(`${url}/api/products/1`).catch((error: unknown) => error);
    await expect.poll(async () => ((await (await fetch(`${url}/__origin/stats`)).json()) as OriginStats).inFlight).toBe(1);
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(await waiting).toBeInstanceOf(TypeError);
  });

  it.each([
    [['--latency-ms', 'abc'], '--latency-ms'],
    [['--latency-ms', '-5'], '--latency-ms'],
    [['--port', '70000'], '--port'],
    [['--products', '0'], '--products'],
    [['--max-concurrency', '1.5'], '--max-concurrency'],
    [['--jitter-ms', ''], '--jitter-ms'],
    [['--crash-seconds', 'soon'], '--crash-seconds'],
    [['--host', ''], '--host'],
    [['--latency-ms'], '--latency-ms'],
    [['--bogus', '1'], '--bogus'],
    [['extra'], 'extra'],
  ])('exits with code 2 on %j', async (args, mentioned) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(mentioned);
    expect(stderr).toContain('usage:');
  });

  it('prints usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--max-concurrency');
  });
});
