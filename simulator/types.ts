/**
 * The legacy REST origin's JSON contract. The simulator in `simulator/` serves
 * exactly these shapes and the gateway's client reads them, so both import
 * this one file.
 */

export interface Money {
  /** Decimal string, two places: "19.99". */
  amount: string;
  /** ISO 4217 code: "USD". */
  currency: string;
}

export interface OriginProduct {
  id: string;
  sku: string;
  name: string;
  description: string;
  category: string;
  price: Money;
}

export interface OriginInventory {
  sku: string;
  available: number;
  /** ISO 8601 timestamp of the last change. */
  updatedAt: string;
}

export interface OriginUser {
  id: string;
  name: string;
  email: string;
}

export type OriginOrderStatus = 'PENDING' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';

export interface OriginOrderItem {
  productId: string;
  quantity: number;
  unitPrice: Money;
}

export interface OriginOrder {
  id: string;
  userId: string;
  status: OriginOrderStatus;
  /** ISO 8601 timestamp. */
  createdAt: string;
  items: OriginOrderItem[];
  total: Money;
}

/** `GET /api/products?limit=&offset=&category=` */
export interface ProductPage {
  items: OriginProduct[];
  total: number;
}

/** Batch endpoints answer in the order asked, `null` for an unknown key. */
export interface BatchResult<T> {
  items: (T | null)[];
}

/** `GET /api/users/me/orders?limit=`, newest first. */
export interface OrderList {
  items: OriginOrder[];
}

/** Every 4xx and 5xx the origin answers itself carries this body. */
export interface OriginErrorBody {
  error: { code: string; message: string };
}

/** `GET /__origin/stats` */
export interface OriginStats {
  total: number;
  inFlight: number;
  maxInFlight: number;
  rejected: number;
  /** Method and path pattern, e.g. `"GET /api/products/:id"`, to count. */
  routes: Record<string, number>;
}

export type OriginFaultMode = 'none' | 'down' | 'error' | 'hang' | 'slow' | 'malformed' | 'reset';

/** `POST /__origin/faults` */
export interface OriginFault {
  mode: OriginFaultMode;
  latencyMs?: number;
}

/** Largest `limit` and longest `ids`/`skus` list the origin accepts. */
export const ORIGIN_MAX_PAGE = 100;
