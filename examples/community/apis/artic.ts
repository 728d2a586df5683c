/**
 * The Art Institute of Chicago's API (https://api.artic.edu/docs/), under
 * `/artic/api/v1/...`: `/artworks/search?q=&limit=&page=` and
 * `/artworks/:id`, each answer `{ pagination?, data, info, config }`, fields
 * in snake_case, the thumbnail's `lqip` a data URL. The API refuses a
 * request without a `User-Agent` (the connector's note says so).
 */
import { json, matchPath, type Api } from '../simulator.ts';

const INFO = {
  license_text: 'The `description` field in this response is licensed under a Creative Commons Attribution 4.0 Generic License (CC-By); all other data under a Creative Commons Zero (CC0) 1.0 designation, and the Terms and Conditions of artic.edu.',
  license_links: ['https://creativecommons.org/publicdomain/zero/1.0/', 'https://www.artic.edu/terms'],
  version: '1.13',
};
const CONFIG = { iiif_url: 'https://www.artic.edu/iiif/2', website_url: 'http://www.artic.edu' };
const LQIP = 'data:image/gif;base64,R0lGODlhBQAFAPQAAEZcaFFfdVtqbmRxd2d2fGt9gmx9g3B/h3OAiA==';

const ARTWORKS = [
  {
    id: 11001,
    title: 'Sunflowers by the Mill',
    thumbnail: { lqip: LQIP, width: 3000, height: 2400, alt_text: 'Painting of tall sunflowers in front of a stone mill under a pale sky.' },
    main_reference_number: '1926.201',
    date_start: 1888,
    date_end: 1889,
    date_display: '1888–89',
    artist_display: 'Marta Keel\nDutch, 1850–1901',
    place_of_origin: 'Netherlands',
    description: '<p>Keel painted the mill from the field behind it, the flowers taller than its door.</p>',
    dimensions: '73 × 59 cm (28 3/4 × 23 1/4 in.)',
    medium_display: 'Oil on canvas',
    inscriptions: 'Signed lower left: M. Keel',
    credit_line: 'Gift of the Orr family',
    artwork_type_title: 'Painting',
    department_title: 'Painting and Sculpture of Europe',
    artist_title: 'Marta Keel',
    style_title: 'Post-Impressionism',
    is_public_domain: true,
    timestamp: '2026-11-30T23:25:11-06:00',
  },
  {
    id: 11002,
    title: 'Study of Sunflowers',
    thumbnail: { lqip: LQIP, width: 1800, height: 2250, alt_text: 'Charcoal drawing of three sunflower heads.' },
    main_reference_number: '1931.44',
    date_start: 1887,
    date_end: 1887,
    date_display: '1887',
    artist_display: 'Marta Keel\nDutch, 1850–1901',
    place_of_origin: 'Netherlands',
    description: null,
    dimensions: '31 × 24 cm (12 1/4 × 9 1/2 in.)',
    medium_display: 'Charcoal on paper',
    inscriptions: null,
    credit_line: 'Purchased with funds from the Print Society',
    artwork_type_title: 'Drawing and Watercolor',
    department_title: 'Prints and Drawings',
    artist_title: 'Marta Keel',
    style_title: null,
    is_public_domain: true,
    timestamp: '2026-11-30T23:25:12-06:00',
  },
  {
    id: 11003,
    title: 'Harbor at Dusk',
    thumbnail: null,
    main_reference_number: '1950.3',
    date_start: 1902,
    date_end: 1902,
    date_display: '1902',
    artist_display: 'Ilse Varga\nHungarian, 1871–1944',
    place_of_origin: 'Hungary',
    description: null,
    dimensions: '50 × 65 cm (19 3/4 × 25 5/8 in.)',
    medium_display: 'Oil on board',
    inscriptions: null,
    credit_line: 'Bequest of Anna Lind',
    artwork_type_title: 'Painting',
    department_title: 'Painting and Sculpture of Europe',
    artist_title: 'Ilse Varga',
    style_title: 'Impressionism',
    is_public_domain: false,
    timestamp: '2026-11-30T23:25:13-06:00',
  },
];

export const artic: Api = {
  prefix: 'artic',
  create() {
    return (request) => {
      if (!request.headers['user-agent']) return json({ status: 403, error: 'Forbidden', detail: 'Please identify your application with a User-Agent header.' }, 403);
      if (request.method !== 'GET') return json({ status: 405, error: 'Method not allowed', detail: `${request.method} is not supported.` }, 405);
      const link = (id: number) => `${request.base}/api/v1/artworks/${id}`;
      if (request.path === '/api/v1/artworks/search') {
        const words = (request.query.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const limit = Number(request.query.get('limit') ?? 10);
        const current = Number(request.query.get('page') ?? 1);
        if (!Number.isInteger(limit) || limit < 0 || limit > 100 || !Number.isInteger(current) || current < 1) {
          return json({ status: 403, error: 'Invalid limit or page', detail: 'limit must be 0 to 100, page 1 or more' }, 403);
        }
        // Every word in the title or the artist's name; a closer title scores higher.
        const hits = ARTWORKS.map((work) => ({ work, text: `${work.title} ${work.artist_title}`.toLowerCase() }))
          .filter(({ text }) => words.every((word) => text.includes(word)))
          .map(({ work }) => ({ work, score: 100 + words.filter((word) => work.title.toLowerCase().includes(word)).length * 50 - work.id / 1000 }))
          .sort((a, b) => b.score - a.score);
        const offset = (current - 1) * limit;
        return json({
          preference: null,
          pagination: { total: hits.length, limit, offset, total_pages: limit ? Math.ceil(hits.length / limit) : 0, current_page: current },
          data: hits.slice(offset, offset + limit).map(({ work, score }) => ({
            _score: Number(score.toFixed(3)),
            thumbnail: work.thumbnail,
            api_model: 'artworks',
            is_boosted: work.is_public_domain,
            api_link: link(work.id),
            id: work.id,
            title: work.title,
            timestamp: work.timestamp,
          })),
          info: INFO,
          config: CONFIG,
        });
      }
      const one = matchPath('/api/v1/artworks/:id', request.path);
      const work = one && ARTWORKS.find((each) => String(each.id) === one.id);
      if (!work) return json({ status: 404, error: 'Not found', detail: 'The item you requested cannot be found.' }, 404);
      return json({ data: { ...work, api_model: 'artworks', api_link: link(work.id), is_boosted: work.is_public_domain }, info: INFO, config: CONFIG });
    };
  },
};
