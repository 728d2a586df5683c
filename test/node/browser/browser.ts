/** The Chromium the browser checks drive (Debian's `chromium`, or CHROMIUM_PATH), found and launched one way for the tests and the benchmark. */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome'];
const MAC_APPS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Where a Chromium or Chrome may be, in order: /usr/bin, then PATH, for each name; then the macOS apps. */
export function browserCandidates(pathEnv = process.env.PATH ?? ''): string[] {
  const dirs = [...new Set(['/usr/bin', ...pathEnv.split(delimiter).filter(Boolean)])];
  return [...NAMES.flatMap((name) => dirs.map((dir) => join(dir, name))), ...MAC_APPS];
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to drive: `configured` (CHROMIUM_PATH) when set, which must then
 * be an executable file, else the first candidate that is one.
 */
export function findBrowser(
  configured: string | undefined,
  candidates: readonly string[],
  isExecutable: (path: string) => boolean = isExecutableFile,
): string | undefined {
  if (configured) {
    if (!isExecutable(configured)) throw new Error(`CHROMIUM_PATH is "${configured}", which is not an executable file`);
    return configured;
  }
  return candidates.find(isExecutable);
}

/** Headless, with nothing of its own on the network: what every browser check runs. None found is an error (a check that runs only with CI=true then). */
export function launchBrowser(executablePath: string | undefined): Promise<Browser> {
  if (!executablePath) throw new Error('CI=true and no Chromium or Chrome found: install chromium, or set CHROMIUM_PATH to one.');
  return chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}
