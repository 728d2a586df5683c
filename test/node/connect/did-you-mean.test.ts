import { describe, expect, it } from 'vitest';
import { nearestName } from '../../../src/connect/mapping/did-you-mean.ts';
import { problemsOf } from './problems.ts';

const SOURCE = 'extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })\n';

describe('a mistyped name in a connector: the build names the one meant', () => {
  it('an unknown variable, in a URL or a selection', () => {
    const problems = problemsOf(`${SOURCE}type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$arg.id}" }, selection: "id")
  draft(id: ID!): Post @connect(source: "api", http: { GET: "/drafts" }, selection: "id: $thiss.id")
}
type Post { id: ID! }`);
    const known = '(known: $, @, $args, $this, $batch, $key, $result, $config, $env, $context, $request, $response, $status)';
    expect(problems).toEqual([
      `[connect] schema/catalog.graphql:3: http.GET: unknown variable "$arg" ${known}; did you mean "$args"?`,
      `[connect] schema/catalog.graphql:4: selection: unknown variable "$thiss" ${known}; did you mean "$this"?`,
    ]);
  });

  it('an argument, a field of the parent, a field of the type built', () => {
    const problems = problemsOf(`${SOURCE}type Query {
  post(postId: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.postid}" }, selection: "id titel")
}
type Post {
  id: ID!
  title: String
  author: String @connect(source: "api", http: { GET: "/users/{$this.autor}" }, selection: "$.name")
}`);
    expect(problems).toEqual([
      '[connect] schema/catalog.graphql:3: $args.postid: Query.post has no argument "postid" (it has: postId); did you mean "postId"?',
      '[connect] schema/catalog.graphql:3: selection names "titel", which Post does not have (it has: id, title, author); did you mean "title"?',
      '[connect] schema/catalog.graphql:8: $this.autor: Post has no field "autor"; did you mean "author"?',
    ]);
  });

  it('nothing is suggested when no known name is close', () => {
    expect(nearestName('postId', ['id', 'slug'])).toBeUndefined();
    // Two edits turn any short name into another: one only, for three characters or fewer.
    expect(nearestName('at', ['id'])).toBeUndefined();
    expect(nearestName('idd', ['id', 'ids'])).toBe('id');
  });
});
