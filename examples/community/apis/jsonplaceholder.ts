/**
 * JSONPlaceholder (https://jsonplaceholder.typicode.com/guide/), under
 * `/jsonplaceholder/...`: numeric ids, bare arrays, nested routes
 * (`/users/1/posts`), filters as query parameters (`/posts?userId=1`), and
 * `{}` with a 404 for an unknown id.
 */
import { copy, json, matchPath, type Api } from '../simulator.ts';

type Row = { id: number; [field: string]: unknown };

const RECORDS: Record<string, Row[]> = {
  users: [
    {
      id: 1,
      name: 'Ada Whitfield',
      username: 'adaw',
      email: 'ada@whitfield.example',
      address: { street: 'Quarry Lane', suite: 'Apt. 12', city: 'Northmoor', zipcode: '40112-0831', geo: { lat: '-12.4411', lng: '77.0123' } },
      phone: '1-555-010-2233',
      website: 'whitfield.example',
      company: { name: 'Whitfield-Orr', catchPhrase: 'Layered offline interfaces', bs: 'grow scalable channels' },
    },
    {
      id: 2,
      name: 'Bram Okafor',
      username: 'bramo',
      email: 'bram@okafor.example',
      address: { street: 'Mill Road', suite: 'Suite 400', city: 'Easton Vale', zipcode: '90566-7771', geo: { lat: '43.9509', lng: '-34.4618' } },
      phone: '555-010-4477',
      website: 'okafor.example',
      company: { name: 'Okafor Group', catchPhrase: 'Proactive didactic hub', bs: 'deliver sticky synergies' },
    },
  ],
  posts: [
    { userId: 1, id: 1, title: 'on quarries', body: 'stone is patient\nand so are we' },
    { userId: 1, id: 2, title: 'mill days', body: 'the wheel turns\nthe grain waits' },
    { userId: 2, id: 3, title: 'vale notes', body: 'east of the vale\nthe river bends' },
  ],
  comments: [
    { postId: 1, id: 1, name: 'a patient reader', email: 'reader@one.example', body: 'well said\nindeed' },
    { postId: 1, id: 2, name: 'stone fan', email: 'fan@two.example', body: 'more quarries please' },
    { postId: 3, id: 3, name: 'river watcher', email: 'watch@three.example', body: 'which river?' },
  ],
  albums: [
    { userId: 1, id: 1, title: 'quarry light' },
    { userId: 2, id: 2, title: 'vale at dusk' },
  ],
  photos: [
    { albumId: 1, id: 1, title: 'north face', url: 'https://via.placeholder.com/600/92c952', thumbnailUrl: 'https://via.placeholder.com/150/92c952' },
    { albumId: 1, id: 2, title: 'south face', url: 'https://via.placeholder.com/600/771796', thumbnailUrl: 'https://via.placeholder.com/150/771796' },
    { albumId: 2, id: 3, title: 'dusk', url: 'https://via.placeholder.com/600/24f355', thumbnailUrl: 'https://via.placeholder.com/150/24f355' },
  ],
  todos: [
    { userId: 1, id: 1, title: 'sharpen chisels', completed: false },
    { userId: 1, id: 2, title: 'oil the wheel', completed: true },
    { userId: 2, id: 3, title: 'map the river', completed: false },
  ],
};

/** Which field of a child names its parent: `/users/1/posts` is the posts whose `userId` is 1. */
const PARENT_FIELD: Record<string, string> = { users: 'userId', posts: 'postId', albums: 'albumId' };

export const jsonPlaceholder: Api = {
  prefix: 'jsonplaceholder',
  create() {
    const data = copy(RECORDS);
    // A query parameter filters by the field it names, as a string: `?userId=1`.
    const filtered = (rows: Row[], query: URLSearchParams) => rows.filter((row) => [...query].every(([field, value]) => String(row[field]) === value));
    return (request) => {
      if (request.method !== 'GET') return json({}, 404);
      const nested = matchPath('/:parent/:id/:children', request.path);
      if (nested && PARENT_FIELD[nested.parent!] && data[nested.children!]) {
        const field = PARENT_FIELD[nested.parent!]!;
        return json(filtered(data[nested.children!]!.filter((row) => String(row[field]) === nested.id), request.query));
      }
      const one = matchPath('/:resource/:id', request.path);
      if (one && data[one.resource!]) {
        const row = data[one.resource!]!.find((each) => String(each.id) === one.id);
        return row ? json(row) : json({}, 404);
      }
      const all = matchPath('/:resource', request.path);
      if (all && data[all.resource!]) return json(filtered(data[all.resource!]!, request.query));
      return json({}, 404);
    };
  },
};
