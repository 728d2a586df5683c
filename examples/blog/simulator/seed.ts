import type { BlogComment, BlogPost, BlogUser } from './types.ts';
import { createRandom } from '../../../simulator/random.ts';

export interface BlogSeed {
  users: BlogUser[];
  posts: BlogPost[];
  comments: BlogComment[];
}

export const USER_COUNT = 10;
/** JSONPlaceholder's layout: user K wrote posts 10K-9..10K, post N has comments 5N-4..5N. */
export const POSTS_PER_USER = 10;
export const COMMENTS_PER_POST = 5;

const PEOPLE: readonly (readonly [first: string, last: string, city: string])[] = [
  ['Ada', 'Byrne', 'Dublin'],
  ['Bram', 'Okafor', 'Lagos'],
  ['Clara', 'Nunes', 'Lisbon'],
  ['Dev', 'Patel', 'Pune'],
  ['Emil', 'Larsen', 'Aarhus'],
  ['Farah', 'Haddad', 'Beirut'],
  ['Gus', 'Moreno', 'Valparaiso'],
  ['Hana', 'Sato', 'Sapporo'],
  ['Ivo', 'Petrov', 'Plovdiv'],
  ['Jana', 'Kovac', 'Brno'],
];
const STREETS = ['Harbour Road', 'Mill Lane', 'Station Street', 'Orchard Way', 'Canal Walk'];
const WORDS = [
  'river', 'lantern', 'quiet', 'harbor', 'engine', 'garden', 'paper', 'signal', 'winter', 'copper',
  'meadow', 'orbit', 'candle', 'thread', 'valley', 'echo', 'marble', 'compass', 'ember', 'tide',
  'window', 'ladder', 'season', 'kettle', 'forest', 'pocket', 'mirror', 'voyage', 'meridian', 'cellar',
];

const POST_SEED = 0xb1060001;
const COMMENT_SEED = 0xb1060002;

/** Fresh, mutable seed data: the same on every call and every run. */
export function createSeed(): BlogSeed {
  const users = PEOPLE.map(([first, last, city], index): BlogUser => {
    const id = index + 1;
    return {
      id,
      name: `${first} ${last}`,
      username: `${first}_${last}`.toLowerCase(),
      email: `${first}@${last}.example`.toLowerCase(),
      address: { street: `${id * 11} ${STREETS[index % STREETS.length]!}`, city, zipcode: String(10_000 + id * 137) },
    };
  });

  const postWords = words(POST_SEED);
  const posts: BlogPost[] = [];
  for (let id = 1; id <= USER_COUNT * POSTS_PER_USER; id++) {
    posts.push({ id, userId: Math.ceil(id / POSTS_PER_USER), title: capitalize(postWords(4)), body: paragraph(postWords, 3) });
  }

  const commentWords = words(COMMENT_SEED);
  const comments: BlogComment[] = [];
  for (let id = 1; id <= posts.length * COMMENTS_PER_POST; id++) {
    comments.push({
      id,
      postId: Math.ceil(id / COMMENTS_PER_POST),
      name: commentWords(3),
      email: `${commentWords(1)}.${commentWords(1)}${id}@readers.example`,
      body: paragraph(commentWords, 2),
    });
  }
  return { users, posts, comments };
}

/** `count` words drawn from a seeded stream, space-separated. */
function words(seed: number): (count: number) => string {
  const random = createRandom(seed);
  return (count) => Array.from({ length: count }, () => random.pick(WORDS)).join(' ');
}

function paragraph(draw: (count: number) => string, sentences: number): string {
  return Array.from({ length: sentences }, () => `${capitalize(draw(7))}.`).join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
