/**
 * The National Weather Service's alerts (https://www.weather.gov/documentation/services-web-api),
 * under `/nws/alerts...`: GeoJSON (JSON-LD) FeatureCollections whose
 * `pagination.next` is a full URL with a `cursor`, one Feature by id, the
 * active count by area, region and zone, the event types. Unknown query
 * parameters and a missing `User-Agent` are refused with a problem document,
 * as the real API does.
 */
import { json, matchPath, type Api, type ApiRequest, type Reply } from '../simulator.ts';

const CONTEXT = ['https://geojson.org/geojson-ld/geojson-context.jsonld', { '@version': '1.1', wx: 'https://api.weather.gov/ontology#', '@vocab': 'https://api.weather.gov/ontology#' }];
const SENDER = 'w-nws.webmaster@noaa.gov';
const UPDATED = '2026-12-04T10:00:00+00:00';

interface AlertSeed {
  oid: string;
  /** The product's AWIPS id: product code and office. */
  awips: string;
  /** The headline the forecaster wrote, in capitals. */
  nwsHeadline: string;
  event: string;
  code: [same: string, nws: string];
  areas: string[];
  zones: string[];
  same: string[];
  marine: boolean;
  severity: string;
  certainty: string;
  urgency: string;
  sent: string;
  ends: string | null;
  office: string;
  headline: string;
  description: string;
  instruction: string | null;
  references: string[];
  polygon: number[][] | null;
}

const SEEDS: AlertSeed[] = [
  {
    oid: '2.49.0.1.840.0.7a1e.001.1',
    awips: 'NPWLOX',
    nwsHeadline: 'WIND ADVISORY IN EFFECT UNTIL 10 PM PST THIS EVENING',
    event: 'Wind Advisory',
    code: ['NPW', 'WIY'],
    areas: ['Santa Clarita Valley', 'Antelope Valley'],
    zones: ['CAZ373', 'CAZ374'],
    same: ['006037'],
    marine: false,
    severity: 'Moderate',
    certainty: 'Likely',
    urgency: 'Expected',
    sent: '2026-12-04T02:13:00-08:00',
    ends: '2026-12-04T22:00:00-08:00',
    office: 'NWS Los Angeles/Oxnard CA',
    headline: 'Wind Advisory issued December 4 at 2:13AM PST until December 4 at 10:00PM PST by NWS Los Angeles/Oxnard CA',
    description: '* WHAT...North winds 25 to 35 mph with gusts up to 55 mph.\n\n* WHERE...Santa Clarita and Antelope Valleys.',
    instruction: 'Use extra caution when driving, especially if operating a high profile vehicle.',
    references: [],
    polygon: null,
  },
  {
    oid: '2.49.0.1.840.0.5c2b.002.1',
    awips: 'WSWSTO',
    nwsHeadline: 'WINTER STORM WARNING REMAINS IN EFFECT UNTIL 4 PM PST FRIDAY',
    event: 'Winter Storm Warning',
    code: ['WSW', 'WSW'],
    areas: ['West Slope Northern Sierra Nevada'],
    zones: ['CAZ069'],
    same: ['006017', '006061'],
    marine: false,
    severity: 'Severe',
    certainty: 'Likely',
    urgency: 'Expected',
    sent: '2026-12-04T01:40:00-08:00',
    ends: '2026-12-05T16:00:00-08:00',
    office: 'NWS Sacramento CA',
    headline: 'Winter Storm Warning issued December 4 at 1:40AM PST until December 5 at 4:00PM PST by NWS Sacramento CA',
    description: '* WHAT...Heavy snow. Total accumulations of 1 to 2 feet above 5000 feet.',
    instruction: 'Travel should be restricted to emergencies only.',
    references: ['2.49.0.1.840.0.5c2b.001.1'],
    polygon: [
      [-120.61, 38.99],
      [-120.21, 39.29],
      [-120.01, 38.91],
      [-120.61, 38.99],
    ],
  },
  {
    oid: '2.49.0.1.840.0.9d40.003.1',
    awips: 'MWSLOX',
    nwsHeadline: 'SMALL CRAFT ADVISORY IN EFFECT',
    event: 'Small Craft Advisory',
    code: ['MWS', 'SCY'],
    areas: ['Pt. Piedras Blancas to Pt. Sal 10-60 NM offshore'],
    zones: ['PZZ670'],
    same: ['057670'],
    marine: true,
    severity: 'Minor',
    certainty: 'Likely',
    urgency: 'Expected',
    sent: '2026-12-04T00:55:00-08:00',
    ends: null,
    office: 'NWS Los Angeles/Oxnard CA',
    headline: 'Small Craft Advisory issued December 4 at 12:55AM PST by NWS Los Angeles/Oxnard CA',
    description: '* WHAT...Northwest winds 20 to 30 kt and seas 8 to 11 feet.',
    instruction: null,
    references: [],
    polygon: null,
  },
];

/** The two-letter area an alert's zones are in: a state (`CAZ069` → `CA`) or a marine area (`PZZ670` → `PZ`). */
function areaOf(zone: string): string {
  return zone.slice(0, 2);
}

/** Marine areas by region, for `/alerts/active/region/:region` and the count. */
const MARINE_REGIONS: Record<string, string[]> = { AL: ['AM', 'AN'], AT: ['AM', 'AN'], GL: ['LS', 'LM', 'LH', 'LC', 'LE', 'LO', 'SL'], GM: ['GM'], PA: ['PZ', 'PK', 'PH'], PI: ['PS', 'PM'] };

function feature(seed: AlertSeed) {
  const id = `https://api.weather.gov/alerts/urn:oid:${seed.oid}`;
  return {
    id,
    type: 'Feature',
    geometry: seed.polygon ? { type: 'Polygon', coordinates: [seed.polygon] } : null,
    properties: {
      '@id': id,
      '@type': 'wx:Alert',
      id: `urn:oid:${seed.oid}`,
      areaDesc: seed.areas.join('; '),
      geocode: { SAME: seed.same, UGC: seed.zones },
      affectedZones: seed.zones.map((zone) => `https://api.weather.gov/zones/forecast/${zone}`),
      references: seed.references.map((oid) => ({ '@id': `https://api.weather.gov/alerts/urn:oid:${oid}`, identifier: `urn:oid:${oid}`, sender: SENDER, sent: '2026-12-03T14:02:00-08:00' })),
      sent: seed.sent,
      effective: seed.sent,
      onset: seed.sent,
      expires: '2026-12-04T18:00:00-08:00',
      ends: seed.ends,
      status: 'Actual',
      messageType: seed.references.length ? 'Update' : 'Alert',
      category: 'Met',
      severity: seed.severity,
      certainty: seed.certainty,
      urgency: seed.urgency,
      event: seed.event,
      sender: SENDER,
      senderName: seed.office,
      headline: seed.headline,
      description: seed.description,
      instruction: seed.instruction,
      response: seed.instruction ? 'Execute' : 'Monitor',
      parameters: { AWIPSidentifier: [seed.awips], NWSheadline: [seed.nwsHeadline], BLOCKCHANNEL: ['EAS', 'NWEM', 'CMAS'] },
      scope: 'Public',
      code: 'IPAWSv1.0',
      language: 'en-US',
      web: 'http://www.weather.gov',
      eventCode: { SAME: [seed.code[0]], NationalWeatherService: [seed.code[1]] },
    },
  };
}

function problem(request: ApiRequest, status: number, title: string, detail: string, parameterErrors?: { parameter: string; message: string }[]): Reply {
  const body = { correlationId: '1a2b3c4d', title, type: `https://api.weather.gov/problems/${title.replace(/ /g, '')}`, status, detail, instance: 'https://api.weather.gov/requests/1a2b3c4d', ...(parameterErrors ? { parameterErrors } : {}) };
  return { ...json(body, status), headers: { 'content-type': 'application/problem+json' } };
}

/** Query parameters each listing takes; any other is a 400, as the real API says. */
const LIST_PARAMS = ['start', 'end', 'status', 'message_type', 'event', 'code', 'area', 'point', 'region', 'region_type', 'zone', 'urgency', 'severity', 'certainty', 'limit', 'cursor'];

/** Values may repeat (`status=actual&status=test`) or be comma-separated (`status=actual,test`). */
function values(query: URLSearchParams, name: string): string[] {
  return query.getAll(name).flatMap((value) => value.split(','));
}

function collection(request: ApiRequest, seeds: AlertSeed[], title: string, pageable: boolean): Reply {
  const unknown = [...request.query.keys()].filter((name) => !LIST_PARAMS.includes(name));
  if (unknown.length) return problem(request, 400, 'Bad Request', 'Bad Request', unknown.map((name) => ({ parameter: name, message: `Query parameter "${name}" is not recognized` })));
  const q = request.query;
  const filters: [string, (seed: AlertSeed) => string[]][] = [
    ['area', (seed) => seed.zones.map(areaOf)],
    ['zone', (seed) => seed.zones],
    ['event', (seed) => [seed.event]],
    ['severity', (seed) => [seed.severity]],
    ['certainty', (seed) => [seed.certainty]],
    ['urgency', (seed) => [seed.urgency]],
    ['status', () => ['actual']],
    ['region_type', (seed) => [seed.marine ? 'marine' : 'land']],
  ];
  let found = seeds;
  for (const [name, of] of filters) {
    const wanted = values(q, name).map((value) => value.toLowerCase());
    if (wanted.length) found = found.filter((seed) => of(seed).some((value) => wanted.includes(value.toLowerCase())));
  }
  const limit = Number(q.get('limit') ?? 500);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return problem(request, 400, 'Bad Request', 'Bad Request', [{ parameter: 'limit', message: 'Must be between 1 and 500' }]);
  const offset = q.has('cursor') ? Number(Buffer.from(q.get('cursor')!, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0) return problem(request, 400, 'Bad Request', 'Bad Request', [{ parameter: 'cursor', message: 'Invalid cursor' }]);
  const page = found.slice(offset, offset + limit);
  const next = new URLSearchParams(q);
  next.set('cursor', Buffer.from(String(offset + limit)).toString('base64url'));
  return json({
    '@context': CONTEXT,
    type: 'FeatureCollection',
    features: page.map(feature),
    title,
    updated: UPDATED,
    ...(pageable && offset + limit < found.length ? { pagination: { next: `${request.base}${request.path}?${next}` } } : {}),
  });
}

function count(seeds: AlertSeed[]) {
  const tally = (keys: string[]) => keys.reduce<Record<string, number>>((counts, key) => ({ ...counts, [key]: (counts[key] ?? 0) + 1 }), {});
  const marine = seeds.filter((seed) => seed.marine);
  return {
    total: seeds.length,
    land: seeds.length - marine.length,
    marine: marine.length,
    regions: tally(marine.flatMap((seed) => Object.keys(MARINE_REGIONS).filter((region) => seed.zones.some((zone) => MARINE_REGIONS[region]!.includes(areaOf(zone)))))),
    areas: tally(seeds.flatMap((seed) => [...new Set(seed.zones.map(areaOf))])),
    zones: tally(seeds.flatMap((seed) => seed.zones)),
  };
}

export const nws: Api = {
  prefix: 'nws',
  create() {
    return (request) => {
      if (!request.headers['user-agent']) return problem(request, 403, 'Forbidden', 'A User-Agent header identifying your application is required.');
      if (request.method !== 'GET') return problem(request, 405, 'Method Not Allowed', `${request.method} is not allowed`);
      const path = request.path;
      if (path === '/alerts') return collection(request, SEEDS, 'Watches, warnings, and advisories', true);
      if (path === '/alerts/active') return collection(request, SEEDS, 'Current watches, warnings, and advisories', true);
      if (path === '/alerts/active/count') return json(count(SEEDS));
      if (path === '/alerts/types') return json({ '@context': [], eventTypes: [...new Set(SEEDS.map((seed) => seed.event))].sort() });
      const zone = matchPath('/alerts/active/zone/:zone', path);
      if (zone) return collection(request, SEEDS.filter((seed) => seed.zones.includes(zone.zone!)), `Current watches, warnings, and advisories for ${zone.zone}`, false);
      const area = matchPath('/alerts/active/area/:area', path);
      if (area) return collection(request, SEEDS.filter((seed) => seed.zones.some((each) => areaOf(each) === area.area)), `Current watches, warnings, and advisories for ${area.area}`, false);
      const region = matchPath('/alerts/active/region/:region', path);
      if (region) {
        if (!MARINE_REGIONS[region.region!]) return problem(request, 400, 'Bad Request', 'Bad Request', [{ parameter: 'region', message: `Does not have a value in the enumeration ${JSON.stringify(Object.keys(MARINE_REGIONS))}` }]);
        return collection(request, SEEDS.filter((seed) => seed.zones.some((each) => MARINE_REGIONS[region.region!]!.includes(areaOf(each)))), `Current watches, warnings, and advisories for ${region.region}`, false);
      }
      const one = matchPath('/alerts/:id', path);
      const seed = one && SEEDS.find((each) => `urn:oid:${each.oid}` === one.id);
      if (seed) return json({ '@context': CONTEXT, ...feature(seed) });
      return problem(request, 404, 'Not Found', `'${path}' is not a valid resource path`);
    };
  },
};
