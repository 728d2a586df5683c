/**
 * Twilio's Messages resource (https://www.twilio.com/docs/messaging/api/message-resource),
 * under `/twilio/2010-04-01/Accounts/:sid/Messages.json`: `GET` pages (`{
 * messages, page, page_size, next_page_uri, ... }`, `PageSize`), `POST` a
 * form (`To`, `Body`, `From` or `MessagingServiceSid`) answering 201. Dates
 * are RFC 2822, counts numeric strings (`"num_segments": "1"`). Basic auth:
 * any account SID, with `test-key` as its token.
 */
import { API_KEY, json, matchPath, type Api, type ApiRequest, type Reply } from '../simulator.ts';

const ACCOUNT = 'AC00000000000000000000000000000000';
const SERVICE = 'MG00000000000000000000000000000000';

function message(sid: string, to: string, from: string | null, body: string, status: string, date: string, direction: string) {
  return {
    account_sid: ACCOUNT,
    api_version: '2010-04-01',
    body,
    date_created: date,
    date_sent: status === 'delivered' ? date : null,
    date_updated: date,
    direction,
    error_code: null,
    error_message: null,
    from,
    messaging_service_sid: from === null ? SERVICE : null,
    num_media: '0',
    num_segments: '1',
    price: status === 'delivered' ? '-0.00790' : null,
    price_unit: 'USD',
    sid,
    status,
    subresource_uris: { media: `/2010-04-01/Accounts/${ACCOUNT}/Messages/${sid}/Media.json` },
    to,
    uri: `/2010-04-01/Accounts/${ACCOUNT}/Messages/${sid}.json`,
  };
}

const MESSAGES = [
  message('SM00000000000000000000000000000003', '+15005550006', '+15005550001', 'See you at 6', 'delivered', 'Wed, 03 Dec 2026 18:02:11 +0000', 'outbound-api'),
  message('SM00000000000000000000000000000002', '+15005550001', '+15005550006', 'Running late?', 'received', 'Wed, 03 Dec 2026 17:55:40 +0000', 'inbound'),
  message('SM00000000000000000000000000000001', '+15005550006', '+15005550001', 'Table for two booked', 'delivered', 'Tue, 02 Dec 2026 09:30:00 +0000', 'outbound-api'),
];

function error(status: number, code: number, text: string): Reply {
  return json({ code, message: text, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, status);
}

/** The account SID and token of a Basic `Authorization` header. */
function basic(request: ApiRequest): [string, string] | undefined {
  const encoded = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const [sid, token] = encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':') : [];
  return sid && token ? [sid, token] : undefined;
}

export const twilio: Api = {
  prefix: 'twilio',
  create() {
    const messages = [...MESSAGES];
    return (request) => {
      const route = matchPath('/2010-04-01/Accounts/:account/Messages.json', request.path);
      if (!route) return error(404, 20404, 'The requested resource was not found');
      if (basic(request)?.[1] !== API_KEY) return error(401, 20003, 'Authenticate');
      const base = request.path;
      if (request.method === 'GET') {
        const size = Number(request.query.get('PageSize') ?? 50);
        if (!Number.isInteger(size) || size < 1 || size > 1000) return error(400, 20001, 'Invalid PageSize');
        const page = messages.slice(0, size);
        return json({
          end: page.length - 1,
          first_page_uri: `${base}?PageSize=${size}&Page=0`,
          messages: page,
          next_page_uri: messages.length > size ? `${base}?PageSize=${size}&Page=1&PageToken=PA${page.at(-1)!.sid}` : null,
          page: 0,
          page_size: size,
          previous_page_uri: null,
          start: 0,
          uri: `${base}?PageSize=${size}&Page=0`,
        });
      }
      if (request.method !== 'POST') return error(405, 20004, 'Method not allowed');
      if (!/^application\/x-www-form-urlencoded/.test(request.headers['content-type'] ?? '')) return error(415, 20415, 'Unsupported Media Type');
      const form = new URLSearchParams(request.body);
      const to = form.get('To');
      const body = form.get('Body');
      if (!to) return error(400, 21604, "A 'To' phone number is required.");
      if (!form.get('From') && !form.get('MessagingServiceSid')) return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
      if (!body) return error(400, 21602, 'Message body is required.');
      const sid = `SM${String(messages.length + 1).padStart(32, '0')}`;
      const sent = message(sid, to, form.get('From'), body, 'accepted', 'Thu, 04 Dec 2026 12:00:00 +0000', 'outbound-api');
      if (!sent.from) sent.messaging_service_sid = form.get('MessagingServiceSid');
      messages.unshift(sent);
      return json(sent, 201);
    };
  },
};
