import { describe, expect, it } from 'vitest';
import { imported, json, ref, text } from './imported.ts';


/**
 * GitHub's shapes, in our own small document: issues embed a summary of their author, whom
 * GET /users/{username} answers in full; a tarball is only a redirect to the file.
 */
const DOCUMENT = {
  openapi: '3.0.3',
  info: { title: 'Tracker', version: '1' },
  servers: [{ url: 'https://tracker.example.com' }],
  paths: {
    '/users/{username}': {
      get: { tags: ['users'], operationId: 'users/get', parameters: [{ name: 'username', in: 'path', required: true, schema: text }], responses: { '200': json(ref('User')) } },
    },
    '/issues': {
      get: { tags: ['issues'], operationId: 'issues/list', responses: { '200': json({ type: 'array', items: ref('Issue') }) } },
    },
    '/tarball/{ref}': {
      get: { tags: ['issues'], operationId: 'issues/download-tarball', parameters: [{ name: 'ref', in: 'path', required: true, schema: text }], responses: { '302': { description: 'Found' } } },
    },
  },
  components: {
    schemas: {
      User: {
        type: 'object',
        required: ['login'],
        properties: { login: text, id: { type: 'integer' }, avatar_url: text, html_url: text, name: text, followers: { type: 'integer' }, sponsor: ref('SponsorCard') },
      },
      // The author as issues carry it: the user's key and a few of its fields, nothing else.
      UserSummary: { type: 'object', required: ['login'], properties: { login: text, id: { type: 'integer' }, avatar_url: text, html_url: text } },
      // Has the key but is something else: most of its fields are not the user's.
      Badge: { type: 'object', properties: { login: text, color: text, label: text, rank: { type: 'integer' } } },
      // Looks like a summary, but the user holds it: a part of it, not a reference to it.
      SponsorCard: { type: 'object', properties: { login: text, id: { type: 'integer' }, avatar_url: text } },
      Issue: { type: 'object', properties: { number: { type: 'integer' }, title: text, user: ref('UserSummary'), badge: ref('Badge') } },
    },
  },
};

describe('import:openapi, GitHub-shaped documents', async () => {
  const { run, read } = await imported(DOCUMENT, 'tracker');
  const sdl = read('types.graphql', 'issues.graphql', 'users.graphql');
  const typeBlock = (name: string) => new RegExp(`\ntype ${name}\\b[^{]*\\{[^}]*\\}`).exec(sdl)?.[0] ?? '';

  it('builds', () => {
    expect(run.problems).toEqual([]);
  });

  it('the author summary links the user entity, by its key, said as a guess', () => {
    expect(sdl).toMatch(/type User\s+@key\(fields: "login"\)/);
    expect(typeBlock('UserSummary')).toContain(
      "# guessed: UserSummary has User's key login and nearly only its fields, so user is that User, fetched by its key\n  user: User\n",
    );
    // Each issue's author is a stub the entity's connector completes: { login } inside the issue's selection.
    expect(sdl).toMatch(/user \{\n\s+login\n\s+id\n\s+avatarUrl: avatar_url\n\s+htmlUrl: html_url\n\s+user: \{ login \}\n\s+\}/);
  });

  it('leaves alone a type with the key but other fields, and one the entity holds', () => {
    expect(typeBlock('Badge')).not.toMatch(/user: User/);
    expect(typeBlock('SponsorCard')).not.toMatch(/user: User/);
    expect(typeBlock('User')).not.toMatch(/user: User/);
  });

  it('lists an operation that answers only a redirect (a download) as not imported, and writes no field for it', () => {
    expect(read('UNEXPRESSIBLE.md')).toContain('| issuesDownloadTarball | `GET /tarball/{ref}` | answers only a redirect (302), to a download: a connector reads JSON |');
    expect(sdl).not.toContain('tarball');
  });
});
