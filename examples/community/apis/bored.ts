/**
 * The Bored API as App Brewery hosts it (https://bored-api.appbrewery.com),
 * under `/bored/...`: `/random` (here always the first activity, so that a
 * check can know it), `/filter?type=&participants=` (an array; a 404 with
 * `{ error }` when nothing matches) and `/activity/:key`.
 */
import { json, matchPath, type Api } from '../simulator.ts';

const ACTIVITIES = [
  { activity: 'Learn the basics of knot tying', availability: 0.8, type: 'education', participants: 1, price: 0, accessibility: 'Few to no challenges', duration: 'minutes', kidFriendly: true, link: '', key: '4150284' },
  { activity: 'Host a board game night with friends', availability: 0.5, type: 'social', participants: 4, price: 0.1, accessibility: 'Minor challenges', duration: 'hours', kidFriendly: true, link: '', key: '6613428' },
  { activity: 'Call a friend you have not spoken to in a while', availability: 0.9, type: 'social', participants: 2, price: 0, accessibility: 'Few to no challenges', duration: 'minutes', kidFriendly: true, link: '', key: '9020442' },
  { activity: 'Bake a loaf of sourdough', availability: 0.3, type: 'cooking', participants: 1, price: 0.2, accessibility: 'Minor challenges', duration: 'hours', kidFriendly: false, link: 'https://en.wikipedia.org/wiki/Sourdough', key: '7316211' },
];

const NOT_FOUND = { error: 'No activities found with the specified filters' };

export const bored: Api = {
  prefix: 'bored',
  create() {
    return (request) => {
      if (request.method !== 'GET') return json({ error: 'Endpoint not found' }, 404);
      if (request.path === '/random') return json(ACTIVITIES[0]);
      if (request.path === '/filter') {
        const type = request.query.get('type');
        const participants = request.query.get('participants');
        const found = ACTIVITIES.filter((each) => (type === null || each.type === type) && (participants === null || String(each.participants) === participants));
        return found.length ? json(found) : json(NOT_FOUND, 404);
      }
      const one = matchPath('/activity/:key', request.path);
      const found = one && ACTIVITIES.find((each) => each.key === one.key);
      return found ? json(found) : json({ error: 'Endpoint not found' }, 404);
    };
  },
};
