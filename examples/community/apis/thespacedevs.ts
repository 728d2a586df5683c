/**
 * The Space Devs' Launch Library 2 (https://ll.thespacedevs.com/2.3.0/swagger),
 * under `/thespacedevs/2.3.0/...`: `/agencies/` (`search`, `limit`,
 * `offset`; `{ count, next, previous, results }` with full `next` URLs),
 * `/agencies/:id/`, and `/api-throttle/`. Paths end in `/`, as Django's do.
 */
import { json, matchPath, type Api, type ApiRequest } from '../simulator.ts';

const LICENSE = { id: 1, name: 'Unknown', priority: 9, link: null };

function image(id: number, name: string, file: string, credit: string | null) {
  return {
    id,
    name,
    image_url: `https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media/images/${file}.png`,
    thumbnail_url: `https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media/images/255bauto255d__image_thumbnail_${file}.jpeg`,
    credit,
    license: LICENSE,
    single_use: false,
    variants: [],
  };
}

const COUNTRIES = {
  USA: { id: 2, name: 'United States of America', alpha_2_code: 'US', alpha_3_code: 'USA', nationality_name: 'American', nationality_name_composed: 'Americano' },
  FRA: { id: 5, name: 'France', alpha_2_code: 'FR', alpha_3_code: 'FRA', nationality_name: 'French', nationality_name_composed: 'Franco' },
  DEU: { id: 6, name: 'Germany', alpha_2_code: 'DE', alpha_3_code: 'DEU', nationality_name: 'German', nationality_name_composed: 'Germano' },
};

const AGENCIES = [
  {
    id: 44,
    name: 'National Aeronautics and Space Administration',
    abbrev: 'NASA',
    type: { id: 1, name: 'Government' },
    featured: true,
    country: [COUNTRIES.USA],
    description: 'The National Aeronautics and Space Administration is an independent agency of the executive branch of the United States federal government.',
    administrator: 'Administrator: Jane Doe',
    founding_year: 1958,
    launchers: 'Space Shuttle | SLS',
    spacecraft: 'Orion',
    parent: null,
    image: image(1001, '[AUTO] National Aeronautics and Space Administration - image', 'national2520aeronautics_image', null),
    logo: image(1002, '[AUTO] National Aeronautics and Space Administration - logo', 'national2520aeronautics_logo', 'NASA'),
    social_logo: null,
    total_launch_count: 171,
  },
  {
    id: 27,
    name: 'European Space Agency',
    abbrev: 'ESA',
    type: { id: 1, name: 'Multinational' },
    featured: true,
    country: [COUNTRIES.FRA, COUNTRIES.DEU],
    description: 'The European Space Agency is an intergovernmental organisation dedicated to the exploration of space.',
    administrator: 'Director General: John Roe',
    founding_year: 1975,
    launchers: 'Ariane | Vega',
    spacecraft: 'Automated Transfer Vehicle',
    parent: null,
    image: image(1003, '[AUTO] European Space Agency - image', 'european2520space2520agency_image', 'ESA'),
    logo: image(1004, '[AUTO] European Space Agency - logo', 'european2520space2520agency_logo', null),
    social_logo: image(1005, '[AUTO] European Space Agency - social_logo', 'european2520space2520agency_social_logo', null),
    total_launch_count: 0,
  },
  {
    id: 121,
    name: 'SpaceX',
    abbrev: 'SpX',
    type: { id: 3, name: 'Commercial' },
    featured: true,
    country: [COUNTRIES.USA],
    description: 'Space Exploration Technologies Corp., known as SpaceX, is an American aerospace manufacturer and space transport services company.',
    administrator: 'CEO: Richard Poe',
    founding_year: 2002,
    launchers: 'Falcon',
    spacecraft: 'Dragon',
    parent: null,
    image: null,
    logo: null,
    social_logo: null,
    total_launch_count: 500,
  },
];

function agencies(request: ApiRequest) {
  const q = request.query;
  const search = q.get('search')?.toLowerCase();
  const limit = Number(q.get('limit') || 10);
  const offset = Number(q.get('offset') || 0);
  if (!Number.isInteger(limit) || !Number.isInteger(offset) || limit < 0 || offset < 0) return json({ detail: 'Invalid limit or offset.' }, 400);
  // `search` matches the name or the abbreviation, as the API documents.
  const found = AGENCIES.filter((each) => !search || each.name.toLowerCase().includes(search) || each.abbrev.toLowerCase().includes(search));
  const link = (at: number) => {
    const next = new URLSearchParams(q);
    next.set('limit', String(limit));
    if (at > 0) next.set('offset', String(at));
    else next.delete('offset');
    return `${request.base}${request.path}?${next}`;
  };
  return json({
    count: found.length,
    next: offset + limit < found.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    results: found.slice(offset, offset + limit).map(({ total_launch_count: _, ...each }) => ({ response_mode: 'normal', url: `${request.base}/2.3.0/agencies/${each.id}/`, ...each })),
  });
}

export const thespacedevs: Api = {
  prefix: 'thespacedevs',
  create() {
    return (request) => {
      if (request.method !== 'GET') return json({ detail: `Method "${request.method}" not allowed.` }, 405);
      // Only JSON is simulated; the browsable HTML API is what `format=api` would give.
      if ((request.query.get('format') ?? 'json') !== 'json') return json({ detail: 'Not found.' }, 404);
      if (request.path === '/2.3.0/api-throttle/') return json({ your_request_limit: 15, limit_frequency_secs: 3600, current_use: 0, next_use_secs: 0, ident: '127.0.0.1' });
      if (request.path === '/2.3.0/agencies/') return agencies(request);
      const one = matchPath('/2.3.0/agencies/:id/', request.path);
      const found = one && AGENCIES.find((each) => String(each.id) === one.id);
      if (!found) return json({ detail: 'No Agency matches the given query.' }, 404);
      return json({ response_mode: 'detailed', url: `${request.base}/2.3.0/agencies/${found.id}/`, ...found });
    };
  },
};
