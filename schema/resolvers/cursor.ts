import { badUserInput } from './user-input.ts';

/** Opaque to clients: the offset of the next item, so that `after` resumes there. */
export function encodeCursor(offset: number): string {
  return btoa(`offset:${offset}`);
}

export function decodeCursor(cursor: string): number {
  let decoded: string;
  try {
    decoded = atob(cursor);
  } catch {
    throw badUserInput('after is not a cursor returned by this API');
  }
  const match = /^offset:(\d{1,9})$/.exec(decoded);
  if (!match?.[1]) throw badUserInput('after is not a cursor returned by this API');
  return Number(match[1]);
}
