/**
 * Google's Time Zone API (https://developers.google.com/maps/documentation/timezone/requests-timezone),
 * under `/google/maps/api/timezone/json?location=LAT,LNG&timestamp=&key=`:
 * `{ dstOffset, rawOffset, status, timeZoneId, timeZoneName }`; a problem is
 * still a 200, told by `status` and `errorMessage`.
 */
import { json, type Api } from '../simulator.ts';

interface Zone {
  id: string;
  /** Standard offset from UTC, seconds. */
  raw: number;
  standard: string;
  daylight: string;
  /** Daylight time from and to, as epoch seconds: only 2026 is simulated. */
  dst: [number, number] | null;
  /** Latitude and longitude bounds: south, north, west, east. */
  box: [number, number, number, number];
}

/** A UTC time as epoch seconds. */
const utc = (month: number, day: number, hour: number) => Date.UTC(2026, month - 1, day, hour) / 1000;

const ZONES: Zone[] = [
  { id: 'America/Los_Angeles', raw: -28800, standard: 'Pacific Standard Time', daylight: 'Pacific Daylight Time', dst: [utc(3, 8, 10), utc(11, 1, 9)], box: [32, 42, -125, -114] },
  { id: 'America/New_York', raw: -18000, standard: 'Eastern Standard Time', daylight: 'Eastern Daylight Time', dst: [utc(3, 8, 7), utc(11, 1, 6)], box: [25, 45, -85, -67] },
  { id: 'Asia/Tokyo', raw: 32400, standard: 'Japan Standard Time', daylight: 'Japan Standard Time', dst: null, box: [24, 46, 123, 146] },
];

export const googleTimezone: Api = {
  prefix: 'google',
  create() {
    return (request) => {
      if (request.path !== '/maps/api/timezone/json') return json({ error_message: 'Not Found', status: 'NOT_FOUND' }, 404);
      const q = request.query;
      // Any key will do: the connector writes `key=YOUR_API_KEY` into its URL.
      if (!q.get('key')) return json({ errorMessage: 'You must use an API key to authenticate each request to Google Maps Platform APIs.', status: 'REQUEST_DENIED' });
      const [lat, lng] = (q.get('location') ?? '').split(',').map(Number);
      const timestamp = Number(q.get('timestamp'));
      if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng) || !q.has('timestamp') || !Number.isFinite(timestamp)) {
        return json({ errorMessage: "Invalid request. Invalid 'location' or 'timestamp' parameter.", status: 'INVALID_REQUEST' });
      }
      const zone = ZONES.find(({ box: [south, north, west, east] }) => lat >= south && lat <= north && lng >= west && lng <= east);
      if (!zone) return json({ status: 'ZERO_RESULTS' });
      const daylight = zone.dst !== null && timestamp >= zone.dst[0] && timestamp < zone.dst[1];
      return json({ dstOffset: daylight ? 3600 : 0, rawOffset: zone.raw, status: 'OK', timeZoneId: zone.id, timeZoneName: daylight ? zone.daylight : zone.standard });
    };
  },
};
