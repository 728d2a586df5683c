import type { Money, OriginOrder, OriginProduct } from './types.ts';

const CURRENCY = 'USD';

export interface OrderLine {
  product: OriginProduct;
  quantity: number;
}

/** Money is kept in integer cents and only formatted at the edge, to avoid float errors. */
export function usd(cents: number): Money {
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return { amount: `${whole}.${fraction}`, currency: CURRENCY };
}

/** Order items at the products' current prices, and their total. */
export function priceLines(lines: readonly OrderLine[]): Pick<OriginOrder, 'items' | 'total'> {
  let totalCents = 0;
  const items = lines.map(({ product, quantity }) => {
    totalCents += toCents(product.price) * quantity;
    return { productId: product.id, quantity, unitPrice: { ...product.price } };
  });
  return { items, total: usd(totalCents) };
}

/** Inverse of `usd` for the two-decimal amounts the origin itself produces. */
function toCents(money: Money): number {
  const [whole = '0', fraction = '0'] = money.amount.split('.');
  return Number(whole) * 100 + Number(fraction);
}
