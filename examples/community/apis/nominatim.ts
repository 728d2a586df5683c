/**
 * Nominatim's reverse geocoding (https://nominatim.org/release-docs/latest/api/Reverse/),
 * under `/nominatim/reverse?lat=&lon=&format=json`: the nearest known place,
 * coordinates as strings; `{ "error": "Unable to geocode" }` far from any.
 * Its usage policy requires a `User-Agent`: without one, a 403.
 */
import { json, text, type Api } from '../simulator.ts';

interface Place {
  place_id: number;
  lat: string;
  lon: string;
  display_name: string;
  address: Record<string, string>;
}

const PLACES: Place[] = [
  {
    place_id: 318102214,
    lat: '35.7100',
    lon: '-117.5790',
    display_name: 'Brown Road, Ridgecrest, Kern County, California, 93555, United States',
    address: { road: 'Brown Road', town: 'Ridgecrest', county: 'Kern County', state: 'California', postcode: '93555', country: 'United States', country_code: 'us' },
  },
  {
    place_id: 318104471,
    lat: '35.7140',
    lon: '-117.4700',
    display_name: 'Trona Road, Searles Valley, San Bernardino County, California, 93562, United States',
    address: { road: 'Trona Road', village: 'Searles Valley', county: 'San Bernardino County', state: 'California', postcode: '93562', country: 'United States', country_code: 'us' },
  },
];

/** Farther than this (in degrees, either way) from every place is nowhere. */
const REACH = 0.05;

export const nominatim: Api = {
  prefix: 'nominatim',
  create() {
    return (request) => {
      if (request.path !== '/reverse') return text('Not Found', 404);
      if (!request.headers['user-agent']) return text('Access blocked: a User-Agent identifying the application is required (https://operations.osmfoundation.org/policies/nominatim/).', 403);
      if (request.query.get('format') !== 'json') return json({ error: { code: 400, message: 'Only format=json is simulated' } }, 400);
      const lat = Number(request.query.get('lat'));
      const lon = Number(request.query.get('lon'));
      if (!request.query.has('lat') || !request.query.has('lon') || !Number.isFinite(lat) || !Number.isFinite(lon)) return json({ error: { code: 400, message: 'Parameter "lat" / "lon" must be a number' } }, 400);
      const near = PLACES.map((place) => ({ place, off: Math.max(Math.abs(Number(place.lat) - lat), Math.abs(Number(place.lon) - lon)) }))
        .filter(({ off }) => off <= REACH)
        .sort((a, b) => a.off - b.off)[0];
      if (!near) return json({ error: 'Unable to geocode' });
      const { place } = near;
      return json({
        place_id: place.place_id,
        licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
        osm_type: 'way',
        osm_id: place.place_id - 300000000,
        lat: place.lat,
        lon: place.lon,
        class: 'highway',
        type: 'residential',
        place_rank: 26,
        importance: 0.0533,
        addresstype: 'road',
        name: place.address.road,
        display_name: place.display_name,
        address: place.address,
        // South, north, west, east.
        boundingbox: [Number(place.lat) - 0.002, Number(place.lat) + 0.002, Number(place.lon) - 0.002, Number(place.lon) + 0.002].map((edge) => edge.toFixed(7)),
      });
    };
  },
};
