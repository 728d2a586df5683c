/**
 * The USGS earthquake catalog (https://earthquake.usgs.gov/fdsnws/event/1/),
 * under `/usgs/fdsnws/event/1/query`: a GeoJSON FeatureCollection of events,
 * newest first, filtered by `limit` and by `latitude`/`longitude`/
 * `maxradiuskm`; `eventid` answers one Feature with its `products` (keyed by
 * product type, their properties numeric strings). Errors are plain text.
 */
import { json, text, type Api, type ApiRequest } from '../simulator.ts';

interface Quake {
  id: string;
  mag: number;
  place: string;
  time: number;
  /** Longitude, latitude, depth in km. */
  at: [number, number, number];
  felt: number | null;
  sig: number;
}

const QUAKES: Quake[] = [
  { id: 'ci41000003', mag: 3.1, place: '9 km SW of Searles Valley, CA', time: 1764840000000, at: [-117.4712, 35.7134, 6.4], felt: 12, sig: 148 },
  { id: 'nc75000002', mag: 2.4, place: '4 km NW of The Geysers, CA', time: 1764830000000, at: [-122.7928, 38.8073, 1.9], felt: null, sig: 89 },
  { id: 'ci41000001', mag: 4.2, place: '12 km NE of Ridgecrest, CA', time: 1764820000000, at: [-117.5803, 35.7102, 8.2], felt: 120, sig: 271 },
  { id: 'us7000abcd', mag: 5.6, place: '80 km S of Sand Point, Alaska', time: 1764810000000, at: [-160.4215, 54.6121, 35.0], felt: 3, sig: 482 },
];

function network(quake: Quake): string {
  return quake.id.slice(0, 2);
}

/** The summary properties every feed answers. */
function properties(quake: Quake, base: string) {
  const net = network(quake);
  return {
    mag: quake.mag,
    place: quake.place,
    time: quake.time,
    updated: quake.time + 600_000,
    tz: null,
    url: `https://earthquake.usgs.gov/earthquakes/eventpage/${quake.id}`,
    detail: `${base}/fdsnws/event/1/query?eventid=${quake.id}&format=geojson`,
    felt: quake.felt,
    cdi: quake.felt === null ? null : 3.4,
    mmi: quake.mag >= 4 ? 4.5 : null,
    alert: quake.mag >= 4 ? 'green' : null,
    status: 'reviewed',
    tsunami: 0,
    sig: quake.sig,
    net,
    code: quake.id.slice(2),
    ids: `,${quake.id},`,
    sources: `,${net},`,
    types: quake.felt === null ? ',origin,phase-data,' : ',dyfi,origin,phase-data,',
    nst: 38,
    dmin: 0.052,
    rms: 0.17,
    gap: 44,
    magType: quake.mag >= 5 ? 'mww' : 'ml',
    type: 'earthquake',
    title: `M ${quake.mag.toFixed(1)} - ${quake.place}`,
  };
}

function feature(quake: Quake, base: string, detailed: boolean) {
  const summary = properties(quake, base);
  const { detail: _, ...withoutDetail } = summary;
  return {
    type: 'Feature',
    properties: detailed ? { ...withoutDetail, products: products(quake) } : summary,
    geometry: { type: 'Point', coordinates: quake.at },
    id: quake.id,
  };
}

/** The detail feed's products, by type: each a list of versions, their properties all strings. */
function products(quake: Quake) {
  const net = network(quake);
  const updated = quake.time + 600_000;
  const product = (type: string, properties: Record<string, string>) => ({
    indexid: `${type}-${quake.id}`,
    indexTime: updated + 1000,
    id: `urn:usgs-product:${net}:${type}:${quake.id}:${updated}`,
    type,
    code: quake.id,
    source: net,
    updateTime: updated,
    status: 'UPDATE',
    properties,
    preferredWeight: 156,
    contents: { 'contents.xml': { contentType: 'application/xml', lastModified: updated, length: 2133, url: `https://earthquake.usgs.gov/product/${type}/${quake.id}/${net}/${updated}/contents.xml` } },
  });
  const [longitude, latitude, depth] = quake.at;
  const result: Record<string, unknown[]> = {
    origin: [product('origin', { depth: depth.toFixed(1), latitude: latitude.toFixed(4), longitude: longitude.toFixed(4), magnitude: quake.mag.toFixed(1), 'magnitude-type': quake.mag >= 5 ? 'mww' : 'ml', 'review-status': 'reviewed' })],
  };
  if (quake.felt !== null) result.dyfi = [product('dyfi', { maxmmi: '3.4', 'num-responses': String(quake.felt) })];
  return result;
}

/** Great-circle distance in km. */
function distanceKm(latitude: number, longitude: number, quake: Quake): number {
  const rad = Math.PI / 180;
  const [lon, lat] = quake.at;
  const a = Math.sin(((lat - latitude) * rad) / 2) ** 2 + Math.cos(latitude * rad) * Math.cos(lat * rad) * Math.sin(((lon - longitude) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** West, south, shallowest, east, north, deepest. */
function boundingBox(quakes: Quake[]): number[] {
  const axis = (index: number) => quakes.map((quake) => quake.at[index]!);
  return [...[0, 1, 2].map((index) => Math.min(...axis(index))), ...[0, 1, 2].map((index) => Math.max(...axis(index)))];
}

function badRequest(message: string) {
  return text(`Error 400: Bad Request\n\n${message}\n\nUsage details are available from https://earthquake.usgs.gov/fdsnws/event/1\n`, 400);
}

function query(request: ApiRequest) {
  const params = request.query;
  // Other formats (quakeml, csv, kml) are not simulated: only what the connectors ask.
  if (params.get('format') !== 'geojson') return badRequest(`Bad format value "${params.get('format') ?? 'quakeml'}". Only geojson is simulated.`);
  const eventid = params.get('eventid');
  if (eventid !== null) {
    const quake = QUAKES.find((each) => each.id === eventid);
    return quake ? json(feature(quake, request.base, true)) : text(`Error 404: Not Found\n\nUnknown eventid ${eventid}\n`, 404);
  }
  const limit = params.has('limit') ? Number(params.get('limit')) : 20000;
  if (!Number.isInteger(limit) || limit < 1 || limit > 20000) return badRequest(`Bad limit value "${params.get('limit')}". Valid values are between 1 and 20000.`);
  let found = QUAKES;
  if (params.has('maxradiuskm')) {
    const [latitude, longitude, radius] = ['latitude', 'longitude', 'maxradiuskm'].map((name) => Number(params.get(name)));
    if (![latitude, longitude, radius].every(Number.isFinite)) return badRequest('latitude, longitude and maxradiuskm must be numbers.');
    found = found.filter((quake) => distanceKm(latitude!, longitude!, quake) <= radius!);
  }
  const features = found.slice(0, limit).map((quake) => feature(quake, request.base, false));
  return json({
    type: 'FeatureCollection',
    metadata: { generated: 1764850000000, url: `${request.base}${request.path}?${params}`, title: 'USGS Earthquakes', status: 200, api: '1.14.1', limit, offset: 1, count: features.length },
    features,
    bbox: boundingBox(found.slice(0, limit)),
  });
}

export const usgs: Api = {
  prefix: 'usgs',
  create() {
    return (request) => {
      if (request.path !== '/fdsnws/event/1/query') return text('Error 404: Not Found\n', 404);
      if (request.method !== 'GET') return text('Error 405: Method Not Allowed\n', 405);
      return query(request);
    };
  },
};
