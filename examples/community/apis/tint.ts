/**
 * TINT's accounts (https://developers.tintup.com/v2/), under
 * `/tint/v2/teams/:team/accounts[/:id]`: JSON:API documents (`data` as `{
 * id, type, attributes }`, `links`); a bearer token is required.
 */
import { API_KEY, bearer, json, matchPath, type Api } from '../simulator.ts';

const ACCOUNTS = [
  { id: '187001', type: 'accounts', attributes: { external_id: '17841400001', type: 'instagram_business', status: 'ok', name: 'Harbor Coffee', username: 'harborcoffee', image_url: 'https://cdn.tint.example/accounts/187001.jpg', created_at: '2026-01-14T10:22:00Z', updated_at: '2026-11-30T08:00:00Z' } },
  { id: '187002', type: 'accounts', attributes: { external_id: '1459874521', type: 'twitter', status: 'expired', name: 'Harbor Coffee Co.', username: 'harbor_coffee', image_url: null, created_at: '2026-02-02T17:05:00Z', updated_at: '2026-10-12T12:40:00Z' } },
];

function errors(status: number, title: string) {
  return json({ errors: [{ status: String(status), title }] }, status);
}

export const tint: Api = {
  prefix: 'tint',
  create() {
    return (request) => {
      if (bearer(request.headers) !== API_KEY) return errors(401, 'Unauthorized');
      if (request.method !== 'GET') return errors(405, 'Method Not Allowed');
      const list = matchPath('/v2/teams/:team/accounts', request.path);
      if (list) return json({ data: ACCOUNTS, links: { self: `${request.base}${request.path}`, next: null } });
      const one = matchPath('/v2/teams/:team/accounts/:id', request.path);
      const account = one && ACCOUNTS.find((each) => each.id === one.id);
      return account ? json({ data: account, links: { self: `${request.base}${request.path}` } }) : errors(404, 'Not Found');
    };
  },
};
