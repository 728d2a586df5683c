/**
 * What check.ts asks of each chosen community connector file, and the answer
 * its selections should make of the simulator's records (apis/*.ts), written
 * out by hand from reading both. Fields a selection names but the API's JSON
 * lacks are null, as Apollo's router answers them.
 */

export interface QueryCase {
  query: string;
  variables?: Record<string, unknown>;
  /** The whole `data`, with no `errors`; a function of the simulator's URL when the API's own links are part of it. */
  data: unknown;
}

export interface FileCase {
  /** Below the corpus's `connectors/` folder. */
  file: string;
  /** The simulator's prefix (apis/*.ts) for each `@source` of the file. */
  sources: Record<string, string>;
  /** `$config` values, passed as `--var CONFIG_<key>:<value>`. */
  config?: Record<string, string>;
  /** Run in order against one gateway and one simulator: a write is seen by the queries after it. */
  queries: QueryCase[];
}

const KEY = { apiKey: 'test-key' };
const SPRITES = 'https://raw.githubusercontent.com/PokeAPI/sprites/master/sprites/pokemon';
const LQIP = 'data:image/gif;base64,R0lGODlhBQAFAPQAAEZcaFFfdVtqbmRxd2d2fGt9gmx9g3B/h3OAiA==';
const ARTIC_INFO = {
  licenseText: 'The `description` field in this response is licensed under a Creative Commons Attribution 4.0 Generic License (CC-By); all other data under a Creative Commons Zero (CC0) 1.0 designation, and the Terms and Conditions of artic.edu.',
  licenseLinks: ['https://creativecommons.org/publicdomain/zero/1.0/', 'https://www.artic.edu/terms'],
  version: '1.13',
};
const SPACE_IMAGES = 'https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media/images';
const NWS_SENDER = 'w-nws.webmaster@noaa.gov';

export const CASES: FileCase[] = [
  {
    file: 'JSONPlaceholder/users.graphql',
    sources: { JSONPlaceholder: 'jsonplaceholder' },
    queries: [
      {
        query: '{ getUser(id: 1) { id name username email address { line1 line2 city zip geo { lat lng } } phone website company { name catchPhrase bs } } }',
        data: {
          getUser: {
            id: '1',
            name: 'Ada Whitfield',
            username: 'adaw',
            email: 'ada@whitfield.example',
            address: { line1: 'Quarry Lane', line2: 'Apt. 12', city: 'Northmoor', zip: '40112-0831', geo: { lat: '-12.4411', lng: '77.0123' } },
            phone: '1-555-010-2233',
            website: 'whitfield.example',
            company: { name: 'Whitfield-Orr', catchPhrase: 'Layered offline interfaces', bs: 'grow scalable channels' },
          },
        },
      },
    ],
  },
  {
    file: 'JSONPlaceholder/posts.graphql',
    sources: { JSONPlaceholder: 'jsonplaceholder' },
    queries: [{ query: '{ getPost(id: 3) { id userId title body } }', data: { getPost: { id: '3', userId: '2', title: 'vale notes', body: 'east of the vale\nthe river bends' } } }],
  },
  {
    file: 'JSONPlaceholder/todos.graphql',
    sources: { JSONPlaceholder: 'jsonplaceholder' },
    queries: [{ query: '{ getToDo(id: 2) { id userId title completed } }', data: { getToDo: { id: '2', userId: '1', title: 'oil the wheel', completed: true } } }],
  },
  {
    file: 'JSONPlaceholder/albums.graphql',
    sources: { JSONPlaceholder: 'jsonplaceholder' },
    queries: [{ query: '{ getAlbum(id: 2) { id userId title } }', data: { getAlbum: { id: '2', userId: '2', title: 'vale at dusk' } } }],
  },
  {
    file: 'pokeapi/moves.graphql',
    sources: { pokeapi: 'pokeapi' },
    queries: [
      {
        query: '{ move(name: "pound") { name accuracy effectChance pp priority power damageClass { name } effectEntries { effect shortEffect } generation { name } target { name } type { name } } }',
        data: {
          move: {
            name: 'pound',
            accuracy: 100,
            effectChance: null,
            pp: 35,
            priority: 0,
            power: 40,
            damageClass: { name: 'physical' },
            effectEntries: [{ effect: 'Inflicts regular damage.', shortEffect: 'Inflicts regular damage with no additional effect.' }],
            generation: { name: 'generation-i' },
            target: { name: 'selected-pokemon' },
            type: { name: 'normal' },
          },
        },
      },
      {
        // A list item is `{ name, url }` only: the rest of the selection finds nothing.
        query: '{ moves(limit: 2, offset: 1) { total results { name accuracy damageClass { name } } } }',
        data: {
          moves: {
            total: 4,
            results: [
              { name: 'karate-chop', accuracy: null, damageClass: null },
              { name: 'double-slap', accuracy: null, damageClass: null },
            ],
          },
        },
      },
    ],
  },
  {
    file: 'pokeapi/games.graphql',
    sources: { pokeapi: 'pokeapi' },
    queries: [
      {
        query: '{ generation(name: "generation-i") { name moves { name } } version(name: "blue") { name versionGroup { name } } versionGroup(name: "red-blue") { name order regions { name } } }',
        data: {
          generation: { name: 'generation-i', moves: [{ name: 'pound' }, { name: 'karate-chop' }, { name: 'transform' }] },
          version: { name: 'blue', versionGroup: { name: 'red-blue' } },
          versionGroup: { name: 'red-blue', order: 1, regions: [{ name: 'kanto' }] },
        },
      },
    ],
  },
  {
    file: 'pokeapi/locations.graphql',
    sources: { pokeapi: 'pokeapi' },
    queries: [
      {
        query:
          '{ location(name: "kanto-route-13") { name gameIndices { gameIndex generation { name } } } locations(name: "unused") { total results { name } } locationArea(name: "kanto-route-13-area") { name pokemonEncounters { pokemon { name } versionDetails { version { name } maxChance encounterDetails { chance method { name } } } } } }',
        data: {
          location: {
            name: 'kanto-route-13',
            gameIndices: [
              { gameIndex: 100, generation: { name: 'generation-iii' } },
              { gameIndex: 100, generation: { name: 'generation-iv' } },
            ],
          },
          locations: { total: 3, results: [{ name: 'canalave-city' }, { name: 'eterna-city' }, { name: 'kanto-route-13' }] },
          locationArea: {
            name: 'kanto-route-13-area',
            pokemonEncounters: [{ pokemon: { name: 'ditto' }, versionDetails: [{ version: { name: 'yellow' }, maxChance: 35, encounterDetails: [{ chance: 35, method: { name: 'walk' } }] }] }],
          },
        },
      },
    ],
  },
  {
    file: 'pokeapi/pokemon.graphql',
    sources: { pokeapi: 'pokeapi' },
    queries: [
      {
        query: '{ pokemon(limit: 2, offset: 2) { total results { name } } pokemonColors(limit: 2) { name } pokemonColor(name: "purple") { name species { name } } }',
        data: {
          pokemon: { total: 4, results: [{ name: 'squirtle' }, { name: 'ditto' }] },
          pokemonColors: [{ name: 'black' }, { name: 'blue' }],
          pokemonColor: { name: 'purple', species: [{ name: 'ditto' }, { name: 'rattata' }] },
        },
      },
      {
        // `held_items` and `moves` nest their names one level down (`item.name`, `move.name`): the selection's `name` finds none.
        query:
          '{ pokemonByName(name: "ditto") { id name height weight baseExperience isDefault abilities { slot isHidden ability { name } } gameIndices { gameIndex version { name } } heldItems { name } moves { name versionGroupDetails { levelLearnedAt moveLearnMethod { name } order versionGroup { name } } } species { name } sprites { frontDefault backFemale other { dreamWorld { frontDefault frontShiny } showdown { backShiny } } } stats { name } locationAreaEncounters { locationArea { name } versionDetails { maxChance version { name } encounterDetails { chance conditionValues { name } maxLevel method { name } } } } } }',
        data: {
          pokemonByName: {
            id: '132',
            name: 'ditto',
            height: 3,
            weight: 40,
            baseExperience: 101,
            isDefault: true,
            abilities: [
              { slot: 1, isHidden: false, ability: { name: 'limber' } },
              { slot: 3, isHidden: true, ability: { name: 'imposter' } },
            ],
            gameIndices: [
              { gameIndex: 76, version: { name: 'red' } },
              { gameIndex: 76, version: { name: 'blue' } },
            ],
            heldItems: [{ name: null }],
            moves: [{ name: null, versionGroupDetails: [{ levelLearnedAt: 1, moveLearnMethod: { name: 'level-up' }, order: null, versionGroup: { name: 'red-blue' } }] }],
            species: { name: 'ditto' },
            sprites: {
              frontDefault: `${SPRITES}/132.png`,
              backFemale: null,
              other: { dreamWorld: { frontDefault: `${SPRITES}/other/dream-world/132.svg`, frontShiny: null }, showdown: { backShiny: `${SPRITES}/other/showdown/back/shiny/132.gif` } },
            },
            stats: [{ name: 'hp' }, { name: 'attack' }, { name: 'speed' }],
            locationAreaEncounters: [
              {
                locationArea: { name: 'kanto-route-13-area' },
                versionDetails: [{ maxChance: 35, version: { name: 'yellow' }, encounterDetails: [{ chance: 35, conditionValues: [], maxLevel: 25, method: { name: 'walk' } }] }],
              },
            ],
          },
        },
      },
      {
        // `habitat` is typed String but is an object in the API: not asked.
        query:
          '{ pokemonSpecies(name: "ditto") { name baseHappiness captureRate color { name } eggGroups { name } generation { name } growthRate { name } hasGenderDifferences hatchCounter isBaby isLegendary isMythical order palParkEncounters { rate baseScore area { name } } pokedexNumber { entryNumber pokedex { name } } } }',
        data: {
          pokemonSpecies: {
            name: 'ditto',
            baseHappiness: 50,
            captureRate: 35,
            color: { name: 'purple' },
            eggGroups: [{ name: 'ditto' }],
            generation: { name: 'generation-i' },
            growthRate: { name: 'medium' },
            hasGenderDifferences: false,
            hatchCounter: 20,
            isBaby: false,
            isLegendary: false,
            isMythical: false,
            order: 92,
            palParkEncounters: [{ rate: 20, baseScore: 70, area: { name: 'field' } }],
            pokedexNumber: [
              { entryNumber: 132, pokedex: { name: 'national' } },
              { entryNumber: 92, pokedex: { name: 'kanto' } },
            ],
          },
        },
      },
    ],
  },
  {
    file: 'usgs/earthquakes/earthquakes.graphql',
    sources: { usgs: 'usgs' },
    queries: [
      {
        query:
          '{ recentEarthquakesInRadius(lat: "35.7", lon: "-117.6", maxRadius: 50, limit: 2) { id properties { mag place time tz detail felt mmi alert sources types magType title } geometry { coordinates } } }',
        data: (sim: string) => ({
          recentEarthquakesInRadius: [
            {
              id: 'ci41000003',
              properties: {
                mag: 3.1,
                place: '9 km SW of Searles Valley, CA',
                time: 1764840000000,
                tz: null,
                detail: `${sim}/usgs/fdsnws/event/1/query?eventid=ci41000003&format=geojson`,
                felt: 12,
                mmi: null,
                alert: null,
                sources: ',ci,',
                types: ',dyfi,origin,phase-data,',
                magType: 'ml',
                title: 'M 3.1 - 9 km SW of Searles Valley, CA',
              },
              geometry: { coordinates: [-117.4712, 35.7134, 6.4] },
            },
            {
              id: 'ci41000001',
              properties: {
                mag: 4.2,
                place: '12 km NE of Ridgecrest, CA',
                time: 1764820000000,
                tz: null,
                detail: `${sim}/usgs/fdsnws/event/1/query?eventid=ci41000001&format=geojson`,
                felt: 120,
                mmi: 4.5,
                alert: 'green',
                sources: ',ci,',
                types: ',dyfi,origin,phase-data,',
                magType: 'ml',
                title: 'M 4.2 - 12 km NE of Ridgecrest, CA',
              },
              geometry: { coordinates: [-117.5803, 35.7102, 8.2] },
            },
          ],
        }),
      },
      {
        // `products` is an object keyed by product type: `->entries` makes it a list of { key, value }.
        query: '{ earthquakeById(id: "ci41000001") { id properties { mag title products { name products { id type properties contents } } } geometry { coordinates } } }',
        data: {
          earthquakeById: {
            id: 'ci41000001',
            properties: {
              mag: 4.2,
              title: 'M 4.2 - 12 km NE of Ridgecrest, CA',
              products: [
                {
                  name: 'origin',
                  products: [
                    {
                      id: 'urn:usgs-product:ci:origin:ci41000001:1764820600000',
                      type: 'origin',
                      properties: { depth: '8.2', latitude: '35.7102', longitude: '-117.5803', magnitude: '4.2', 'magnitude-type': 'ml', 'review-status': 'reviewed' },
                      contents: { 'contents.xml': { contentType: 'application/xml', lastModified: 1764820600000, length: 2133, url: 'https://earthquake.usgs.gov/product/origin/ci41000001/ci/1764820600000/contents.xml' } },
                    },
                  ],
                },
                {
                  name: 'dyfi',
                  products: [
                    {
                      id: 'urn:usgs-product:ci:dyfi:ci41000001:1764820600000',
                      type: 'dyfi',
                      properties: { maxmmi: '3.4', 'num-responses': '120' },
                      contents: { 'contents.xml': { contentType: 'application/xml', lastModified: 1764820600000, length: 2133, url: 'https://earthquake.usgs.gov/product/dyfi/ci41000001/ci/1764820600000/contents.xml' } },
                    },
                  ],
                },
              ],
            },
            geometry: { coordinates: [-117.5803, 35.7102, 8.2] },
          },
        },
      },
    ],
  },
  {
    file: 'usgs/earthquakes-nominatum/earthquake-simple.graphql',
    sources: { usgs: 'usgs', location: 'nominatim' },
    queries: [
      {
        // display_name: a second source, asked with the quake's own coordinates ($this.geometry.coordinates).
        query: '{ recentEarthquakes(lat: "35.7", lon: "-117.6", maxRadius: 50, limit: 2) { id properties { mag title } display_name } }',
        data: {
          recentEarthquakes: [
            { id: 'ci41000003', properties: { mag: 3.1, title: 'M 3.1 - 9 km SW of Searles Valley, CA' }, display_name: 'Trona Road, Searles Valley, San Bernardino County, California, 93562, United States' },
            { id: 'ci41000001', properties: { mag: 4.2, title: 'M 4.2 - 12 km NE of Ridgecrest, CA' }, display_name: 'Brown Road, Ridgecrest, Kern County, California, 93555, United States' },
          ],
        },
      },
    ],
  },
  {
    file: 'bored/bored.graphql',
    sources: { bored: 'bored' },
    queries: [
      {
        query: '{ getRandomActivity { activity availability type participants price accessibility duration kidFriendly link key } }',
        data: {
          getRandomActivity: { activity: 'Learn the basics of knot tying', availability: 0.8, type: 'education', participants: 1, price: 0, accessibility: 'Few to no challenges', duration: 'minutes', kidFriendly: true, link: '', key: '4150284' },
        },
      },
      {
        // The enum value becomes the API's lower-case type through ->match in queryParams.
        query: '{ getActivityByType(type: SOCIAL) { activity participants price key } }',
        data: {
          getActivityByType: [
            { activity: 'Host a board game night with friends', participants: 4, price: 0.1, key: '6613428' },
            { activity: 'Call a friend you have not spoken to in a while', participants: 2, price: 0, key: '9020442' },
          ],
        },
      },
    ],
  },
  {
    file: 'museums/chicagoArt.graphql',
    sources: { artic: 'artic' },
    queries: [
      {
        query: '{ searchArtwork(searchTerm: "sunflowers", limit: 2) { pagination { limit totalPages currentPage } data { id apiModel title thumbnail { imgData width height altText } timestamp } info { licenseText licenseLinks version } } }',
        data: {
          searchArtwork: {
            pagination: { limit: 2, totalPages: 1, currentPage: 1 },
            data: [
              { id: '11001', apiModel: 'artworks', title: 'Sunflowers by the Mill', thumbnail: { imgData: LQIP, width: 3000, height: 2400, altText: 'Painting of tall sunflowers in front of a stone mill under a pale sky.' }, timestamp: '2026-11-30T23:25:11-06:00' },
              { id: '11002', apiModel: 'artworks', title: 'Study of Sunflowers', thumbnail: { imgData: LQIP, width: 1800, height: 2250, altText: 'Charcoal drawing of three sunflower heads.' }, timestamp: '2026-11-30T23:25:12-06:00' },
            ],
            info: ARTIC_INFO,
          },
        },
      },
      {
        query:
          '{ searchArtworkById(artId: "11003") { data { id title thumbnail { width } dateStart dateEnd dateDisplay artistDisplay placeOfOrigin description dimensions mediumDisplay inscriptions artworkTypeTitle departmentTitle artistTitle styleTitle } info { version } } }',
        data: {
          searchArtworkById: {
            data: {
              id: '11003',
              title: 'Harbor at Dusk',
              thumbnail: null,
              dateStart: 1902,
              dateEnd: 1902,
              dateDisplay: '1902',
              artistDisplay: 'Ilse Varga\nHungarian, 1871–1944',
              placeOfOrigin: 'Hungary',
              description: null,
              dimensions: '50 × 65 cm (19 3/4 × 25 5/8 in.)',
              mediumDisplay: 'Oil on board',
              inscriptions: null,
              artworkTypeTitle: 'Painting',
              departmentTitle: 'Painting and Sculpture of Europe',
              artistTitle: 'Ilse Varga',
              styleTitle: 'Impressionism',
            },
            info: { version: '1.13' },
          },
        },
      },
    ],
  },
  {
    file: 'museums/met.graphql',
    sources: { metmuseum: 'met' },
    queries: [
      {
        // firstArtwork is fetched with `objectIDs->first` of its parent.
        query: '{ getMetArtworkIds(searchTerm: "sunflower") { total objectIDs firstArtwork { objectID title artistDisplayName accessionYear isPublicDomain additionalImages department objectDate objectBeginDate classification artistWikidata } } }',
        data: {
          getMetArtworkIds: {
            total: 2,
            objectIDs: [436101, 437202],
            firstArtwork: {
              objectID: 436101,
              title: 'Sunflowers in a Blue Jug',
              artistDisplayName: 'Marta Keel',
              accessionYear: '1949',
              isPublicDomain: true,
              additionalImages: ['https://images.metmuseum.org/CRDImages/ep/original/DT1101a.jpg', 'https://images.metmuseum.org/CRDImages/ep/original/DT1101b.jpg'],
              department: 'European Paintings',
              objectDate: '1889',
              objectBeginDate: 1889,
              classification: 'Paintings',
              artistWikidata: 'https://www.wikidata.org/wiki/Q000001',
            },
          },
        },
      },
      {
        query: '{ getMetArtworkDetailsById(objectId: 437202) { objectID title primaryImage additionalImages artistDisplayName objectEndDate medium objectURL } }',
        data: {
          getMetArtworkDetailsById: { objectID: 437202, title: 'Sunflower Heads', primaryImage: '', additionalImages: [], artistDisplayName: '', objectEndDate: 1905, medium: 'Graphite on paper', objectURL: 'https://www.metmuseum.org/art/collection/search/437202' },
        },
      },
    ],
  },
  {
    file: 'nws/alerts.graphql',
    sources: { nws: 'nws' },
    queries: [
      {
        query:
          'query ($input: AlertQueryInput) { alerts(input: $input) { pagination { next } features { id type geometry properties { id areaDesc event severity status messageType geocode { SAME UGC } affectedZones references { sender sent } eventCode parameters } } } }',
        variables: { input: { area: 'CA', limit: 1 } },
        data: (sim: string) => ({
          alerts: {
            // The cursor is the next page's offset, base64url-encoded: "1" → "MQ".
            pagination: { next: `${sim}/nws/alerts?area=CA&limit=1&cursor=MQ` },
            features: [
              {
                id: 'https://api.weather.gov/alerts/urn:oid:2.49.0.1.840.0.7a1e.001.1',
                type: 'Feature',
                geometry: null,
                properties: {
                  id: 'urn:oid:2.49.0.1.840.0.7a1e.001.1',
                  areaDesc: 'Santa Clarita Valley; Antelope Valley',
                  event: 'Wind Advisory',
                  severity: 'Moderate',
                  status: 'Actual',
                  messageType: 'Alert',
                  geocode: { SAME: ['006037'], UGC: ['CAZ373', 'CAZ374'] },
                  affectedZones: ['https://api.weather.gov/zones/forecast/CAZ373', 'https://api.weather.gov/zones/forecast/CAZ374'],
                  references: [],
                  eventCode: { SAME: ['NPW'], NationalWeatherService: ['WIY'] },
                  parameters: { AWIPSidentifier: ['NPWLOX'], NWSheadline: ['WIND ADVISORY IN EFFECT UNTIL 10 PM PST THIS EVENING'], BLOCKCHANNEL: ['EAS', 'NWEM', 'CMAS'] },
                },
              },
            ],
          },
        }),
      },
      {
        query: '{ countActiveAlerts { total land marine regions areas zones } listEventTypes { eventTypes } }',
        data: {
          countActiveAlerts: { total: 3, land: 2, marine: 1, regions: { PA: 1 }, areas: { CA: 2, PZ: 1 }, zones: { CAZ373: 1, CAZ374: 1, CAZ069: 1, PZZ670: 1 } },
          listEventTypes: { eventTypes: ['Small Craft Advisory', 'Wind Advisory', 'Winter Storm Warning'] },
        },
      },
      {
        query: 'query ($id: ID!) { alertsById(id: $id) { id geometry properties { event references { sender sent } ends instruction response } } }',
        variables: { id: 'urn:oid:2.49.0.1.840.0.5c2b.002.1' },
        data: {
          alertsById: {
            id: 'https://api.weather.gov/alerts/urn:oid:2.49.0.1.840.0.5c2b.002.1',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [-120.61, 38.99],
                  [-120.21, 39.29],
                  [-120.01, 38.91],
                  [-120.61, 38.99],
                ],
              ],
            },
            properties: { event: 'Winter Storm Warning', references: [{ sender: NWS_SENDER, sent: '2026-12-03T14:02:00-08:00' }], ends: '2026-12-05T16:00:00-08:00', instruction: 'Travel should be restricted to emergencies only.', response: 'Execute' },
          },
        },
      },
    ],
  },
  {
    file: 'thespacedevs/agencies.graphql',
    sources: { llv2: 'thespacedevs' },
    queries: [
      {
        query:
          '{ agency(id: 27) { id name abbrev type featured country { id name alpha2Code alpha3Code nationalityName nationalityNameComposed } foundingYear spacecraft image { id name url thumbnail credit license { name link } singleUse } logo { id credit } socialLogo { id name } } }',
        data: {
          agency: {
            id: '27',
            name: 'European Space Agency',
            abbrev: 'ESA',
            type: 'Multinational',
            featured: true,
            country: [
              { id: '5', name: 'France', alpha2Code: 'FR', alpha3Code: 'FRA', nationalityName: 'French', nationalityNameComposed: 'Franco' },
              { id: '6', name: 'Germany', alpha2Code: 'DE', alpha3Code: 'DEU', nationalityName: 'German', nationalityNameComposed: 'Germano' },
            ],
            foundingYear: 1975,
            spacecraft: 'Automated Transfer Vehicle',
            image: {
              id: '1003',
              name: '[AUTO] European Space Agency - image',
              url: `${SPACE_IMAGES}/european2520space2520agency_image.png`,
              thumbnail: `${SPACE_IMAGES}/255bauto255d__image_thumbnail_european2520space2520agency_image.jpeg`,
              credit: 'ESA',
              license: { name: 'Unknown', link: null },
              singleUse: false,
            },
            logo: { id: '1004', credit: null },
            socialLogo: { id: '1005', name: '[AUTO] European Space Agency - social_logo' },
          },
        },
      },
      {
        // `pageInfo { count next previous }` reads a `pageInfo` key, which the API does not have (count, next and previous are top-level): null.
        query: '{ agencies(search: "space", limit: 1) { pageInfo { count next previous } results { id abbrev type country { alpha2Code } image { id } } } }',
        data: { agencies: { pageInfo: null, results: [{ id: '44', abbrev: 'NASA', type: 'Government', country: [{ alpha2Code: 'US' }], image: { id: '1001' } }] } },
      },
    ],
  },
  {
    file: 'thespacedevs/api-throttle.graphql',
    sources: { llv2: 'thespacedevs' },
    queries: [{ query: '{ apiThrottle { yourRequestLimit limitFrequencySecs currentUse nextUseSecs ident } }', data: { apiThrottle: { yourRequestLimit: 15, limitFrequencySecs: 3600, currentUse: 0, nextUseSecs: 0, ident: '127.0.0.1' } } }],
  },
  {
    file: 'openai/models.graphql',
    sources: { openai: 'openai' },
    config: KEY,
    queries: [
      {
        query: '{ models { id created ownedBy } }',
        data: {
          models: [
            { id: 'gpt-4o', created: 1715367049, ownedBy: 'system' },
            { id: 'gpt-4o-mini', created: 1721172741, ownedBy: 'system' },
            { id: 'text-embedding-3-small', created: 1705948997, ownedBy: 'system' },
            { id: 'ft:gpt-4o-mini:acme::9xYz', created: 1730000000, ownedBy: 'user-acme' },
          ],
        },
      },
      // The connector selects `$.data { ... }`, but one model is answered bare, without `data`: nothing to select.
      { query: '{ model(id: "gpt-4o") { id created } }', data: { model: null } },
    ],
  },
  {
    file: 'stripe/products.graphql',
    sources: { stripe: 'stripe' },
    config: KEY,
    queries: [
      {
        query: '{ price(id: "price_1TqGoldMonthly") { id active currency unitAmount } product(ids: ["prod_Tq1Mug", "prod_Tq3Gold"]) { id active name price { id } } }',
        data: {
          price: { id: 'price_1TqGoldMonthly', active: true, currency: 'usd', unitAmount: 2000 },
          product: [
            { id: 'prod_Tq3Gold', active: true, name: 'Gold Plan', price: { id: 'price_1TqGoldMonthly' } },
            { id: 'prod_Tq1Mug', active: false, name: 'Coffee Mug', price: { id: 'price_1TqMugOnce' } },
          ],
        },
      },
      {
        // `has_more->match(["true", ...], ["false", null])` compares the boolean with strings: no pair matches, so both cursors are null.
        query: '{ products(limit: 2) { pageInfo { hasMore startCursor endCursor } items { id name price { id } } } }',
        data: {
          products: {
            pageInfo: { hasMore: true, startCursor: null, endCursor: null },
            items: [
              { id: 'prod_Tq3Gold', name: 'Gold Plan', price: { id: 'price_1TqGoldMonthly' } },
              { id: 'prod_Tq2Silver', name: 'Silver Plan', price: { id: 'price_1TqSilverMonthly' } },
            ],
          },
        },
      },
      {
        // A form-encoded body: metadata[is_featured]=true&default_price_data[unit_amount]=900&...
        query: 'mutation { createProductInStripe(input: { id: "prod_TeaTin", name: "Tea Tin", isFeatured: true, defaultPrice: { unitAmount: 900, currency: "gbp" } }) { id } }',
        data: { createProductInStripe: { id: 'prod_TeaTin' } },
      },
      {
        query: '{ product(ids: ["prod_TeaTin"]) { id active name price { id } } }',
        data: { product: [{ id: 'prod_TeaTin', active: true, name: 'Tea Tin', price: { id: 'price_New4' } }] },
      },
    ],
  },
  {
    file: 'heygen/avatars.graphql',
    sources: { 'heygen-v2': 'heygen' },
    config: KEY,
    queries: [
      {
        query: '{ listAvatars { id name gender previewImageUrl previewVideoUrl } listAvatarGroups { id name createdAt numLooks previewImageUrl groupType trainStatus } }',
        data: {
          listAvatars: [
            { id: 'Abel_public_20240301', name: 'Abel in Blue Shirt', gender: 'male', previewImageUrl: 'https://files2.heygen.ai/avatar/v3/abel/full/preview_target.webp', previewVideoUrl: 'https://files2.heygen.ai/avatar/v3/abel/full/preview_video_target.mp4' },
            { id: 'Mira_sitting_20240512', name: 'Mira Sitting', gender: 'female', previewImageUrl: 'https://files2.heygen.ai/avatar/v3/mira/full/preview_target.webp', previewVideoUrl: 'https://files2.heygen.ai/avatar/v3/mira/full/preview_video_target.mp4' },
          ],
          listAvatarGroups: [
            { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', name: 'My studio looks', createdAt: 1733136000.123, numLooks: 3, previewImageUrl: 'https://files2.heygen.ai/avatar_group/a1b2c3/preview.webp', groupType: 'PRIVATE', trainStatus: 'empty' },
          ],
        },
      },
      {
        query: '{ listAvatarGroups(includePublic: true) { name groupType } }',
        data: {
          listAvatarGroups: [
            { name: 'My studio looks', groupType: 'PRIVATE' },
            { name: 'Public presenters', groupType: 'PUBLIC_PHOTO' },
          ],
        },
      },
    ],
  },
  {
    file: 'googlemaps/timezone.graphql',
    sources: { timezone: 'google' },
    queries: [
      {
        // 2026-12-04 and 2026-07-01, noon UTC: standard time, then daylight time.
        query: '{ winter: timezoneByCoords(lat: 34.05, lng: -118.25, timestamp: 1796385600) { timeZoneId timeZoneName rawOffset dstOffset } summer: timezoneByCoords(lat: 34.05, lng: -118.25, timestamp: 1782907200) { timeZoneName dstOffset } }',
        data: {
          winter: { timeZoneId: 'America/Los_Angeles', timeZoneName: 'Pacific Standard Time', rawOffset: -28800, dstOffset: 0 },
          summer: { timeZoneName: 'Pacific Daylight Time', dstOffset: 3600 },
        },
      },
    ],
  },
  {
    file: 'zendesk/connector.graphql',
    sources: { 'zendesk-sales-crm': 'zendesk' },
    config: KEY,
    queries: [
      {
        // lineItems: `$.items.data { ... }` reads each item's `data`.
        query: '{ order(id: 1) { id deal { id } updatedAt createdAt lineItems { id name sku description quantity currency updatedAt } } }',
        data: {
          order: {
            id: '1',
            deal: { id: '301' },
            updatedAt: '2026-11-27T16:32:56Z',
            createdAt: '2026-11-27T16:30:00Z',
            lineItems: [
              { id: '11', name: 'Standing desk', sku: 'DESK-STAND-01', description: 'Oak top, electric lift', quantity: 2, currency: 'USD', updatedAt: '2026-11-27T16:32:56Z' },
              { id: '12', name: 'Monitor arm', sku: 'ARM-DUAL-02', description: null, quantity: 1, currency: 'USD', updatedAt: '2026-11-27T16:32:56Z' },
            ],
          },
        },
      },
    ],
  },
  {
    file: 'tint/accounts.graphql',
    sources: { tint: 'tint' },
    config: KEY,
    queries: [
      {
        // `$.attributes { ... }` without an alias merges the attributes' fields beside `id`.
        query: '{ account(id: "187002") { id externalId type status name username image } accounts { id name status } }',
        data: {
          account: { id: '187002', externalId: '1459874521', type: 'twitter', status: 'expired', name: 'Harbor Coffee Co.', username: 'harbor_coffee', image: null },
          accounts: [
            { id: '187001', name: 'Harbor Coffee', status: 'ok' },
            { id: '187002', name: 'Harbor Coffee Co.', status: 'expired' },
          ],
        },
      },
    ],
  },
  {
    file: 'todoist/todoist.graphql',
    sources: { todoist: 'todoist' },
    config: { todoistKey: 'test-key' },
    queries: [
      {
        query: '{ getProjectById(id: "6Jf8VQXxpwv56VQ8") { id childOrder color isFavorite name description access { visibility configuration } parentId inboxProject } }',
        data: {
          getProjectById: { id: '6Jf8VQXxpwv56VQ8', childOrder: 1, color: 'lime_green', isFavorite: true, name: 'Garden', description: 'Beds, seeds and the shed', access: { visibility: 'restricted', configuration: {} }, parentId: null, inboxProject: false },
        },
      },
      {
        query: '{ getTasksByProject(projectId: "6Jf8VQXxpwv56VQ8") { results { id content labels priority noteCount description completedAt } nextCursor } }',
        data: {
          getTasksByProject: {
            results: [
              { id: '6X7rM8997g3RQmvh', content: 'Order seed potatoes', labels: ['shopping'], priority: 3, noteCount: 0, description: '', completedAt: null },
              { id: '6X7rfFVPjhvv84XG', content: 'Fix the shed door', labels: [], priority: 1, noteCount: 1, description: 'The hinge, not the lock', completedAt: null },
            ],
            nextCursor: null,
          },
        },
      },
      {
        query: 'mutation { createProject(name: "Kitchen", description: "Pots and pans") { id name description childOrder inboxProject } }',
        data: { createProject: { id: '6Jf8VQXxpwv5N002', name: 'Kitchen', description: 'Pots and pans', childOrder: 2, inboxProject: false } },
      },
    ],
  },
  {
    file: 'anthropic/messages.graphql',
    sources: { anthropic: 'anthropic' },
    config: KEY,
    queries: [
      {
        // The body maps each message's role with ->match; the answer's role and content types are mapped back.
        query:
          'mutation { createMessage(messages: [{ role: USER, content: "Hello there" }]) { id model role content { type text id name input } stopReason stopSequence usage { inputTokens outputTokens cacheReadInputTokens cacheCreationInputTokens } metadata { userId } } }',
        data: {
          createMessage: {
            id: 'msg_01Sim000001',
            model: 'claude-3-7-sonnet-20250219',
            role: 'ASSISTANT',
            content: [{ type: 'TEXT', text: 'Echo: Hello there', id: null, name: null, input: null }],
            stopReason: 'end_turn',
            stopSequence: null,
            usage: { inputTokens: 2, outputTokens: 3, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
            metadata: null,
          },
        },
      },
      {
        // Options the client leaves out (thinking, toolChoice, tools) must not be sent, not even as null: the API refuses null objects.
        query: 'mutation { createMessage(messages: [{ role: USER, content: "Hi" }], max_tokens: 64, options: { metadata: { userId: "u-42" }, stopSequences: ["END"], systemPrompt: "Be brief" }) { content { text } usage { inputTokens } } }',
        data: { createMessage: { content: [{ text: 'Echo: Hi' }], usage: { inputTokens: 1 } } },
      },
      {
        query: '{ countTokens(messages: [{ role: USER, content: "one two three" }, { role: ASSISTANT, content: "four" }]) }',
        data: { countTokens: 4 },
      },
    ],
  },
  {
    file: 'twilio/messages.graphql',
    sources: { twilio: 'twilio' },
    // Base64 of `AC00000000000000000000000000000000:test-key`, as the connector's comment asks.
    config: { twilioKey: 'QUMwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDp0ZXN0LWtleQ==' },
    queries: [
      {
        query: '{ recentMessages(pageSize: 2) { accountSid apiVersion body dateCreated dateSent direction errorCode from messagingServiceSid sid status to uri } }',
        data: {
          recentMessages: [
            {
              accountSid: 'AC00000000000000000000000000000000',
              apiVersion: '2010-04-01',
              body: 'See you at 6',
              dateCreated: 'Wed, 03 Dec 2026 18:02:11 +0000',
              dateSent: 'Wed, 03 Dec 2026 18:02:11 +0000',
              direction: 'outbound-api',
              errorCode: null,
              from: '+15005550001',
              messagingServiceSid: null,
              sid: 'SM00000000000000000000000000000003',
              status: 'delivered',
              to: '+15005550006',
              uri: '/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/SM00000000000000000000000000000003.json',
            },
            {
              accountSid: 'AC00000000000000000000000000000000',
              apiVersion: '2010-04-01',
              body: 'Running late?',
              dateCreated: 'Wed, 03 Dec 2026 17:55:40 +0000',
              dateSent: null,
              direction: 'inbound',
              errorCode: null,
              from: '+15005550006',
              messagingServiceSid: null,
              sid: 'SM00000000000000000000000000000002',
              status: 'received',
              to: '+15005550001',
              uri: '/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/SM00000000000000000000000000000002.json',
            },
          ],
        },
      },
      {
        // A form-encoded body: MessagingServiceSid=...&To=...&Body=...
        query: 'mutation { sendSMS(to: "+15005550009", body: "Hello from the gateway") { sid to from body status } }',
        data: { sendSMS: { sid: 'SM00000000000000000000000000000004', to: '+15005550009', from: null, body: 'Hello from the gateway', status: 'accepted' } },
      },
    ],
  },
  {
    file: 'apollo-ecomm-simple/connector.graphql',
    sources: { ecomm: 'ecomm' },
    queries: [
      {
        query: '{ products { id name description } }',
        data: {
          products: [
            { id: '1', name: 'Lunar Lander Puzzle', description: 'A 500-piece puzzle of the 1969 landing site.' },
            { id: '2', name: 'Orbit Mug', description: 'Holds 350 ml; shows the phases of the moon as it warms.' },
            { id: '3', name: 'Star Chart Poster', description: null },
          ],
        },
      },
    ],
  },
];
