import type { BlogComment, BlogPost, BlogUser } from './types.ts';
import { createSeed } from './seed.ts';

export interface NewPost {
  userId: number;
  title: string;
  body: string;
}

/** The blog's data: the seed, then whatever writes did to it. Lists come out in ascending id order. */
export class BlogStore {
  private users = new Map<number, BlogUser>();
  private posts = new Map<number, BlogPost>();
  private comments: BlogComment[] = [];
  private nextPostId = 1;

  constructor() {
    this.reseed();
  }

  /** Back to the seed: created posts are gone, edited and deleted ones restored, ids start again at 101. */
  reseed(): void {
    const seed = createSeed();
    this.users = new Map(seed.users.map((user) => [user.id, user]));
    this.posts = new Map(seed.posts.map((post) => [post.id, post]));
    this.comments = seed.comments;
    this.nextPostId = Math.max(0, ...this.posts.keys()) + 1;
  }

  allUsers(): BlogUser[] {
    return [...this.users.values()];
  }

  user(id: number): BlogUser | undefined {
    return this.users.get(id);
  }

  /** Seeded posts keep their ids and created ones get higher ids, so insertion order is id order. */
  allPosts(): BlogPost[] {
    return [...this.posts.values()];
  }

  post(id: number): BlogPost | undefined {
    return this.posts.get(id);
  }

  allComments(): BlogComment[] {
    return this.comments;
  }

  createPost(input: NewPost): BlogPost {
    const post: BlogPost = { id: this.nextPostId++, ...input };
    this.posts.set(post.id, post);
    return post;
  }

  /** Undefined when there is no such post. */
  updatePost(id: number, changes: Partial<Pick<BlogPost, 'title' | 'body'>>): BlogPost | undefined {
    const post = this.posts.get(id);
    if (post === undefined) return undefined;
    const updated = { ...post, ...changes };
    this.posts.set(id, updated);
    return updated;
  }

  /** The post and its comments; false when there is no such post. */
  deletePost(id: number): boolean {
    if (!this.posts.delete(id)) return false;
    this.comments = this.comments.filter((comment) => comment.postId !== id);
    return true;
  }
}
