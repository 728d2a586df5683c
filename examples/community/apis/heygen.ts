/**
 * HeyGen's avatar listings (https://docs.heygen.com/reference/list-avatars-v2),
 * under `/heygen/v2/...`: `/avatars` and `/avatar_group.list?include_public=`,
 * each `{ error: null, data: {...} }`; the key goes in `X-Api-Key`.
 */
import { API_KEY, json, type Api } from '../simulator.ts';

const AVATARS = [
  { avatar_id: 'Abel_public_20240301', avatar_name: 'Abel in Blue Shirt', gender: 'male', preview_image_url: 'https://files2.heygen.ai/avatar/v3/abel/full/preview_target.webp', preview_video_url: 'https://files2.heygen.ai/avatar/v3/abel/full/preview_video_target.mp4', premium: false, type: null, tags: null, default_voice_id: null },
  { avatar_id: 'Mira_sitting_20240512', avatar_name: 'Mira Sitting', gender: 'female', preview_image_url: 'https://files2.heygen.ai/avatar/v3/mira/full/preview_target.webp', preview_video_url: 'https://files2.heygen.ai/avatar/v3/mira/full/preview_video_target.mp4', premium: true, type: null, tags: ['NEW'], default_voice_id: '2d5b0e6cf36f460aa7fc47e3eee4ba54' },
];
const TALKING_PHOTOS = [{ talking_photo_id: 'tp_7d1f0c', talking_photo_name: 'Office portrait', preview_image_url: 'https://files2.heygen.ai/talking_photo/7d1f0c/preview.webp' }];

const GROUPS = [
  { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', name: 'My studio looks', created_at: 1733136000.123, num_looks: 3, preview_image_url: 'https://files2.heygen.ai/avatar_group/a1b2c3/preview.webp', group_type: 'PRIVATE', train_status: 'empty', default_voice_id: null },
  { id: 'f0e1d2c3b4a5968778695a4b3c2d1e0f', name: 'Public presenters', created_at: 1730419200.5, num_looks: 12, preview_image_url: 'https://files2.heygen.ai/avatar_group/f0e1d2/preview.webp', group_type: 'PUBLIC_PHOTO', train_status: 'empty', default_voice_id: null },
];

export const heygen: Api = {
  prefix: 'heygen',
  create() {
    return (request) => {
      if (request.headers['x-api-key'] !== API_KEY) return json({ error: { code: 401028, message: 'Unauthorized' }, data: null }, 401);
      if (request.method !== 'GET') return json({ error: { code: 404, message: 'Not Found' }, data: null }, 404);
      if (request.path === '/v2/avatars') return json({ error: null, data: { avatars: AVATARS, talking_photos: TALKING_PHOTOS } });
      if (request.path === '/v2/avatar_group.list') {
        const includePublic = request.query.get('include_public') === 'true';
        const list = GROUPS.filter((group) => includePublic || group.group_type === 'PRIVATE');
        return json({ error: null, data: { total_count: list.length, avatar_group_list: list } });
      }
      return json({ error: { code: 404, message: 'Not Found' }, data: null }, 404);
    };
  },
};
