/** What the consistency checker records of each request it sent: when, through which isolate, and what it saw. */
interface Sent {
  isolate: number;
  /** Milliseconds on the checker's clock. */
  sentAt: number;
  receivedAt: number;
  status: number;
}

/** A public read of one sku's stock through a product. */
export interface Read extends Sent {
  kind: 'read';
  sku: string;
  available: number | undefined;
  /** When the answer's data was read from the origin, from its ETag; undefined when uncached. */
  createdAt: number | undefined;
  cache: string | null;
  /** The answer's `cache-control` max-age and stale-while-revalidate, in seconds. */
  maxAgeS: number | undefined;
  staleWhileRevalidateS: number | undefined;
}

/** A private read of the viewer with one user's token. */
export interface PrivateRead extends Sent {
  kind: 'private';
  user: string;
  viewerId: string | undefined;
}

/** `setInventory` through the gateway. */
export interface Write extends Sent {
  kind: 'write';
  sku: string;
  available: number;
}

/** `/admin/purge` of one sku's inventory. */
export interface Purge extends Sent {
  kind: 'purge';
  sku: string;
  soft: boolean;
}

export type Observation = Read | PrivateRead | Write | Purge;

export interface Violation {
  rule: 'read-your-writes' | 'write-visible-everywhere' | 'purge-visible-everywhere' | 'too-old' | 'other-identity';
  detail: string;
}
