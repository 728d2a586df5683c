/** What the consistency checker records of each request it sent: when, through which isolate, and what it saw. */
interface Sent {
  isolate: number;
  /** Milliseconds on the checker's clock. */
  sentAt: number;
  receivedAt: number;
  status: number;
  /** The first GraphQL error's code or message, when the answer had errors. */
  error: string | undefined;
}

/** One product's stock as an answer showed it. */
export interface Stock {
  productId: string;
  sku: string;
  available: number;
}

/** A public read of products with their stock: one product, a batch by ids, or a page. */
export interface Read extends Sent {
  kind: 'read';
  stock: Stock[];
  /** When the answer's data was read from the origin, from its ETag; undefined when uncached. */
  createdAt: number | undefined;
  cache: string | null;
  /** The answer's `cache-control` max-age and stale-while-revalidate, in seconds. */
  maxAgeS: number | undefined;
  staleWhileRevalidateS: number | undefined;
}

/**
 * A read with one user's token: of the viewer and their orders, or of `me`,
 * whose hint says PUBLIC but whose connector forwards the token.
 */
export interface PrivateRead extends Sent {
  kind: 'private';
  user: string;
  field: 'viewer' | 'me';
  /** The id of the user the answer's `viewer` or `me` showed. */
  viewerId: string | undefined;
  /** The viewer's orders; none for `me`. */
  orderIds: string[];
  cache: string | null;
}

/** `setInventory` through the gateway. */
export interface Write extends Sent {
  kind: 'write';
  sku: string;
  available: number;
}

/** The body of an `/admin/purge`. */
export interface PurgeBody {
  entities?: string[];
  types?: string[];
  all?: true;
  soft: boolean;
}

/** `/admin/purge` of entities, types or everything. */
export interface Purge extends Sent {
  kind: 'purge';
  body: PurgeBody;
}

export type Observation = Read | PrivateRead | Write | Purge;

export interface Violation {
  rule: 'read-your-writes' | 'write-visible-everywhere' | 'read-your-purges' | 'purge-visible-everywhere' | 'too-old' | 'other-identity' | 'forwarded-identity';
  detail: string;
}

/** Answered 200 without GraphQL errors. */
export const succeeded = (observation: Observation) => observation.status === 200 && observation.error === undefined;
