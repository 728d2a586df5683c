/**
 * PokeAPI (https://pokeapi.co/docs/v2), under `/pokeapi/api/v2/...`: named
 * resources by name or id, lists as `{ count, next, previous, results: [{
 * name, url }] }`, every reference as `{ name, url }`, snake_case fields, a
 * plain-text `Not Found`.
 */
import { copy, json, matchPath, text, type Api, type ApiRequest, type Reply } from '../simulator.ts';

type Record_ = { id: number; name: string; [field: string]: unknown };

/** `{ name, url }`, as PokeAPI refers to every resource. */
function ref(base: string, resource: string, name: string, id: number): { name: string; url: string } {
  return { name, url: `${base}/api/v2/${resource}/${id}/` };
}

const SPRITES = 'https://raw.githubusercontent.com/PokeAPI/sprites/master/sprites/pokemon';

function records(base: string): Record<string, Record_[]> {
  const r = (resource: string, name: string, id: number) => ref(base, resource, name, id);
  return {
    pokemon: [
      { id: 1, name: 'bulbasaur' },
      { id: 4, name: 'charmander' },
      { id: 7, name: 'squirtle' },
      {
        id: 132,
        name: 'ditto',
        abilities: [
          { ability: r('ability', 'limber', 7), is_hidden: false, slot: 1 },
          { ability: r('ability', 'imposter', 150), is_hidden: true, slot: 3 },
        ],
        base_experience: 101,
        cries: { latest: 'https://raw.githubusercontent.com/PokeAPI/cries/main/cries/pokemon/latest/132.ogg', legacy: 'https://raw.githubusercontent.com/PokeAPI/cries/main/cries/pokemon/legacy/132.ogg' },
        forms: [r('pokemon-form', 'ditto', 132)],
        game_indices: [
          { game_index: 76, version: r('version', 'red', 1) },
          { game_index: 76, version: r('version', 'blue', 2) },
        ],
        height: 3,
        held_items: [{ item: r('item', 'metal-powder', 234), version_details: [{ rarity: 5, version: r('version', 'red', 1) }] }],
        is_default: true,
        location_area_encounters: `${base}/api/v2/pokemon/132/encounters`,
        moves: [
          {
            move: r('move', 'transform', 144),
            version_group_details: [{ level_learned_at: 1, move_learn_method: r('move-learn-method', 'level-up', 1), order: null, version_group: r('version-group', 'red-blue', 1) }],
          },
        ],
        order: 214,
        past_abilities: [],
        past_types: [],
        species: r('pokemon-species', 'ditto', 132),
        sprites: {
          back_default: `${SPRITES}/back/132.png`,
          back_female: null,
          back_shiny: `${SPRITES}/back/shiny/132.png`,
          back_shiny_female: null,
          front_default: `${SPRITES}/132.png`,
          front_female: null,
          front_shiny: `${SPRITES}/shiny/132.png`,
          front_shiny_female: null,
          other: {
            dream_world: { front_default: `${SPRITES}/other/dream-world/132.svg`, front_female: null },
            home: { front_default: `${SPRITES}/other/home/132.png`, front_female: null, front_shiny: `${SPRITES}/other/home/shiny/132.png`, front_shiny_female: null },
            'official-artwork': { front_default: `${SPRITES}/other/official-artwork/132.png`, front_shiny: `${SPRITES}/other/official-artwork/shiny/132.png` },
            showdown: {
              back_default: `${SPRITES}/other/showdown/back/132.gif`,
              back_female: null,
              back_shiny: `${SPRITES}/other/showdown/back/shiny/132.gif`,
              back_shiny_female: null,
              front_default: `${SPRITES}/other/showdown/132.gif`,
              front_female: null,
              front_shiny: `${SPRITES}/other/showdown/shiny/132.gif`,
              front_shiny_female: null,
            },
          },
          versions: {},
        },
        stats: [
          { base_stat: 48, effort: 1, stat: r('stat', 'hp', 1) },
          { base_stat: 48, effort: 0, stat: r('stat', 'attack', 2) },
          { base_stat: 48, effort: 0, stat: r('stat', 'speed', 6) },
        ],
        types: [{ slot: 1, type: r('type', 'normal', 1) }],
        weight: 40,
        encounters: [
          {
            location_area: r('location-area', 'kanto-route-13-area', 295),
            version_details: [
              {
                encounter_details: [{ chance: 35, condition_values: [], max_level: 25, method: r('encounter-method', 'walk', 1), min_level: 25 }],
                max_chance: 35,
                version: r('version', 'yellow', 3),
              },
            ],
          },
        ],
      },
    ],
    'pokemon-color': [
      { id: 1, name: 'black' },
      { id: 2, name: 'blue' },
      { id: 7, name: 'purple', names: [{ language: r('language', 'en', 9), name: 'Purple' }], pokemon_species: [r('pokemon-species', 'ditto', 132), r('pokemon-species', 'rattata', 19)] },
    ],
    'pokemon-species': [
      {
        id: 19,
        name: 'rattata',
        base_happiness: 70,
        capture_rate: 255,
        color: r('pokemon-color', 'purple', 7),
        egg_groups: [r('egg-group', 'ground', 5)],
        generation: r('generation', 'generation-i', 1),
        growth_rate: r('growth-rate', 'medium', 2),
        habitat: r('pokemon-habitat', 'grassland', 3),
        has_gender_differences: true,
        hatch_counter: 15,
        is_baby: false,
        is_legendary: false,
        is_mythical: false,
        order: 25,
        pal_park_encounters: [{ area: r('pal-park-area', 'field', 2), base_score: 30, rate: 50 }],
        pokedex_numbers: [{ entry_number: 19, pokedex: r('pokedex', 'national', 1) }],
      },
      {
        id: 132,
        name: 'ditto',
        base_happiness: 50,
        capture_rate: 35,
        color: r('pokemon-color', 'purple', 7),
        egg_groups: [r('egg-group', 'ditto', 13)],
        generation: r('generation', 'generation-i', 1),
        growth_rate: r('growth-rate', 'medium', 2),
        habitat: r('pokemon-habitat', 'urban', 8),
        has_gender_differences: false,
        hatch_counter: 20,
        is_baby: false,
        is_legendary: false,
        is_mythical: false,
        order: 92,
        pal_park_encounters: [{ area: r('pal-park-area', 'field', 2), base_score: 70, rate: 20 }],
        pokedex_numbers: [
          { entry_number: 132, pokedex: r('pokedex', 'national', 1) },
          { entry_number: 92, pokedex: r('pokedex', 'kanto', 2) },
        ],
      },
    ],
    'pokemon-stat': [
      { id: 1, name: 'hp' },
      { id: 2, name: 'attack' },
      { id: 6, name: 'speed' },
    ],
    move: [
      {
        id: 1,
        name: 'pound',
        accuracy: 100,
        damage_class: r('move-damage-class', 'physical', 2),
        effect_chance: null,
        effect_entries: [{ effect: 'Inflicts regular damage.', language: r('language', 'en', 9), short_effect: 'Inflicts regular damage with no additional effect.' }],
        generation: r('generation', 'generation-i', 1),
        power: 40,
        pp: 35,
        priority: 0,
        target: r('move-target', 'selected-pokemon', 10),
        type: r('type', 'normal', 1),
      },
      { id: 2, name: 'karate-chop' },
      { id: 3, name: 'double-slap' },
      {
        id: 144,
        name: 'transform',
        accuracy: null,
        damage_class: r('move-damage-class', 'status', 1),
        effect_chance: null,
        effect_entries: [{ effect: "User copies the target's species, weight, type, ability, calculated stats (except HP), and moves.", language: r('language', 'en', 9), short_effect: 'User becomes a copy of the target until it leaves battle.' }],
        generation: r('generation', 'generation-i', 1),
        power: null,
        pp: 10,
        priority: 0,
        target: r('move-target', 'selected-pokemon', 10),
        type: r('type', 'normal', 1),
      },
    ],
    generation: [
      {
        id: 1,
        name: 'generation-i',
        abilities: [],
        main_region: r('region', 'kanto', 1),
        moves: [r('move', 'pound', 1), r('move', 'karate-chop', 2), r('move', 'transform', 144)],
        pokemon_species: [r('pokemon-species', 'bulbasaur', 1), r('pokemon-species', 'ditto', 132)],
        version_groups: [r('version-group', 'red-blue', 1), r('version-group', 'yellow', 2)],
      },
    ],
    version: [
      { id: 1, name: 'red', version_group: r('version-group', 'red-blue', 1) },
      { id: 2, name: 'blue', version_group: r('version-group', 'red-blue', 1) },
      { id: 3, name: 'yellow', version_group: r('version-group', 'yellow', 2) },
    ],
    'version-group': [
      { id: 1, name: 'red-blue', generation: r('generation', 'generation-i', 1), order: 1, regions: [r('region', 'kanto', 1)], versions: [r('version', 'red', 1), r('version', 'blue', 2)] },
      { id: 2, name: 'yellow', generation: r('generation', 'generation-i', 1), order: 2, regions: [r('region', 'kanto', 1)], versions: [r('version', 'yellow', 3)] },
    ],
    location: [
      { id: 1, name: 'canalave-city', areas: [], game_indices: [{ game_index: 7, generation: r('generation', 'generation-iv', 4) }], region: r('region', 'sinnoh', 4) },
      { id: 2, name: 'eterna-city', areas: [], game_indices: [{ game_index: 8, generation: r('generation', 'generation-iv', 4) }], region: r('region', 'sinnoh', 4) },
      {
        id: 100,
        name: 'kanto-route-13',
        areas: [r('location-area', 'kanto-route-13-area', 295)],
        game_indices: [
          { game_index: 100, generation: r('generation', 'generation-iii', 3) },
          { game_index: 100, generation: r('generation', 'generation-iv', 4) },
        ],
        region: r('region', 'kanto', 1),
      },
    ],
    'location-area': [
      {
        id: 295,
        name: 'kanto-route-13-area',
        game_index: 295,
        location: r('location', 'kanto-route-13', 100),
        pokemon_encounters: [
          {
            pokemon: r('pokemon', 'ditto', 132),
            version_details: [
              { encounter_details: [{ chance: 35, condition_values: [], max_level: 25, method: r('encounter-method', 'walk', 1), min_level: 25 }], max_chance: 35, version: r('version', 'yellow', 3) },
            ],
          },
        ],
      },
    ],
  };
}

/** A page of a resource's list, as PokeAPI answers `/pokemon?limit=2&offset=0`. */
function page(request: ApiRequest, resource: string, all: Record_[]): Reply {
  const limit = Number(request.query.get('limit') ?? 20);
  const offset = Number(request.query.get('offset') ?? 0);
  if (!Number.isInteger(limit) || !Number.isInteger(offset) || limit < 0 || offset < 0) return text('Not Found', 404);
  const link = (at: number) => `${request.base}/api/v2/${resource}?offset=${at}&limit=${limit}`;
  return json({
    count: all.length,
    next: offset + limit < all.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    results: all.slice(offset, offset + limit).map((each) => ref(request.base, resource, each.name, each.id)),
  });
}

export const pokeapi: Api = {
  prefix: 'pokeapi',
  create() {
    let data: Record<string, Record_[]> | undefined;
    return (request) => {
      // Links name the server they were asked of; the records are made on the first request.
      data ??= copy(records(request.base));
      if (request.method !== 'GET') return text('Method Not Allowed', 405);
      // PokeAPI answers `/move` and `/move/` alike.
      const path = request.path.replace(/(.)\/$/, '$1');
      const find = (resource: string, key: string) => data![resource]?.find((each) => each.name === key || String(each.id) === key);
      const encounters = matchPath('/api/v2/pokemon/:key/encounters', path);
      if (encounters) {
        const found = find('pokemon', encounters.key!);
        return found ? json(found.encounters ?? []) : text('Not Found', 404);
      }
      const one = matchPath('/api/v2/:resource/:key', path);
      if (one) {
        const found = find(one.resource!, one.key!);
        if (!found) return text('Not Found', 404);
        const { encounters: _, ...shown } = found;
        return json(shown);
      }
      const list = matchPath('/api/v2/:resource', path);
      if (list && data[list.resource!]) return page(request, list.resource!, data[list.resource!]!);
      return text('Not Found', 404);
    };
  },
};
