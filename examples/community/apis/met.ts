/**
 * The Metropolitan Museum of Art's collection API
 * (https://metmuseum.github.io/), under `/met/public/collection/v1/...`:
 * `/search?q=` answers `{ total, objectIDs }` (`objectIDs` null when nothing
 * matches), `/objects/:id` one object in camelCase, its dates as both
 * strings (`artistBeginDate: "1850"`) and numbers (`objectBeginDate`).
 */
import { json, matchPath, type Api } from '../simulator.ts';

const OBJECTS = [
  {
    objectID: 436101,
    isHighlight: false,
    accessionNumber: '49.30',
    accessionYear: '1949',
    isPublicDomain: true,
    primaryImage: 'https://images.metmuseum.org/CRDImages/ep/original/DT1101.jpg',
    primaryImageSmall: 'https://images.metmuseum.org/CRDImages/ep/web-large/DT1101.jpg',
    additionalImages: ['https://images.metmuseum.org/CRDImages/ep/original/DT1101a.jpg', 'https://images.metmuseum.org/CRDImages/ep/original/DT1101b.jpg'],
    constituents: [{ constituentID: 16201, role: 'Artist', name: 'Marta Keel', constituentULAN_URL: '', constituentWikidata_URL: 'https://www.wikidata.org/wiki/Q000001', gender: 'Female' }],
    department: 'European Paintings',
    objectName: 'Painting',
    title: 'Sunflowers in a Blue Jug',
    culture: '',
    period: '',
    artistRole: 'Artist',
    artistDisplayName: 'Marta Keel',
    artistDisplayBio: 'Dutch, Leiden 1850–1901 Arles',
    artistNationality: 'Dutch',
    artistBeginDate: '1850',
    artistEndDate: '1901',
    artistGender: 'Female',
    artistWikidata_URL: 'https://www.wikidata.org/wiki/Q000001',
    objectDate: '1889',
    objectBeginDate: 1889,
    objectEndDate: 1889,
    medium: 'Oil on canvas',
    dimensions: '28 3/4 x 23 in. (73 x 58.4 cm)',
    creditLine: 'Bequest of Anna Lind, 1949',
    classification: 'Paintings',
    objectURL: 'https://www.metmuseum.org/art/collection/search/436101',
    tags: [{ term: 'Sunflowers', AAT_URL: 'http://vocab.getty.edu/page/aat/300132437', Wikidata_URL: 'https://www.wikidata.org/wiki/Q171497' }],
    metadataDate: '2026-11-21T04:55:19.217Z',
    repository: 'Metropolitan Museum of Art, New York, NY',
    GalleryNumber: '825',
  },
  {
    objectID: 437202,
    isHighlight: false,
    accessionNumber: '1975.1.12',
    accessionYear: '1975',
    isPublicDomain: false,
    primaryImage: '',
    primaryImageSmall: '',
    additionalImages: [],
    constituents: null,
    department: 'Drawings and Prints',
    objectName: 'Drawing',
    title: 'Sunflower Heads',
    culture: '',
    period: '',
    artistRole: '',
    artistDisplayName: '',
    artistDisplayBio: '',
    artistNationality: '',
    artistBeginDate: '',
    artistEndDate: '',
    artistGender: '',
    artistWikidata_URL: '',
    objectDate: 'ca. 1900',
    objectBeginDate: 1895,
    objectEndDate: 1905,
    medium: 'Graphite on paper',
    dimensions: '9 x 12 in. (22.9 x 30.5 cm)',
    creditLine: 'Gift of the Orr family, 1975',
    classification: 'Drawings',
    objectURL: 'https://www.metmuseum.org/art/collection/search/437202',
    tags: null,
    metadataDate: '2026-10-02T04:55:19.217Z',
    repository: 'Metropolitan Museum of Art, New York, NY',
    GalleryNumber: '',
  },
];

export const met: Api = {
  prefix: 'met',
  create() {
    return (request) => {
      if (request.method !== 'GET') return json({ message: 'Not Found' }, 404);
      if (request.path === '/public/collection/v1/search') {
        const q = request.query.get('q');
        if (!q) return json({ message: 'q is required' }, 400);
        const words = q.toLowerCase().split(/\s+/);
        const ids = OBJECTS.filter((each) => words.every((word) => `${each.title} ${each.artistDisplayName} ${each.medium}`.toLowerCase().includes(word))).map((each) => each.objectID);
        return json({ total: ids.length, objectIDs: ids.length ? ids : null });
      }
      const one = matchPath('/public/collection/v1/objects/:id', request.path);
      if (!one) return json({ message: 'Not Found' }, 404);
      const found = OBJECTS.find((each) => String(each.objectID) === one.id);
      return found ? json(found) : json({ message: 'ObjectID not found' }, 404);
    };
  },
};
