/**
 * Apollo's e-commerce demo API (https://ecommerce.demo-api.apollo.dev), under
 * `/ecomm/...`: `/products` as `{ products: [...] }`, `/products/:id` one.
 */
import { json, matchPath, type Api } from '../simulator.ts';

const PRODUCTS = [
  { id: '1', name: 'Lunar Lander Puzzle', description: 'A 500-piece puzzle of the 1969 landing site.', slug: 'lunar-lander-puzzle', createdAt: '2026-01-02T00:00:00Z', updatedAt: '2026-03-04T00:00:00Z' },
  { id: '2', name: 'Orbit Mug', description: 'Holds 350 ml; shows the phases of the moon as it warms.', slug: 'orbit-mug', createdAt: '2026-01-05T00:00:00Z', updatedAt: '2026-01-05T00:00:00Z' },
  { id: '3', name: 'Star Chart Poster', description: null, slug: 'star-chart-poster', createdAt: '2026-02-11T00:00:00Z', updatedAt: '2026-02-11T00:00:00Z' },
];

export const ecomm: Api = {
  prefix: 'ecomm',
  create() {
    return (request) => {
      if (request.method === 'GET' && request.path === '/products') return json({ products: PRODUCTS });
      const one = matchPath('/products/:id', request.path);
      const product = request.method === 'GET' && one && PRODUCTS.find((each) => each.id === one.id);
      return product ? json(product) : json({ message: 'Not found' }, 404);
    };
  },
};
