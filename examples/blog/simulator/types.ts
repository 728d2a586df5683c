/** The blog's records, shaped like JSONPlaceholder's: numeric ids, foreign keys by id. */

export interface BlogAddress {
  street: string;
  city: string;
  zipcode: string;
}

export interface BlogUser {
  id: number;
  name: string;
  username: string;
  email: string;
  address: BlogAddress;
}

export interface BlogPost {
  id: number;
  userId: number;
  title: string;
  body: string;
}

export interface BlogComment {
  id: number;
  postId: number;
  name: string;
  email: string;
  body: string;
}

/** `GET /__blog/stats`: API calls since the last reset, in all and by `METHOD /pattern`. */
export interface BlogStats {
  total: number;
  routes: Record<string, number>;
}

/** Every 400, 401, 405 and 413 answers this; an unknown user or post answers `{}` with its 404, as JSONPlaceholder does. */
export interface BlogErrorBody {
  error: { message: string };
}
