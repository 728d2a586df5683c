import type { Person, Planet, Starship } from './types.ts';

/**
 * The galaxy, invented and fixed: nothing writes to it. Laid out for the
 * pagination recipes: 12 people (people pages of 5: 5, 5, 2), 6 planets, 7
 * starships (pages of 3: 3, 3, 1); Varro has 5 residents (pages of 2: 2, 2,
 * 1), Quell 3, Brenn 2 (one page) and Cinder none.
 */

export const PLANETS: readonly Planet[] = [
  { id: 1, name: 'Varro', climate: 'arid', diameter: '10465', population: '200000', rotationPeriod: '23', orbitalPeriod: '304' },
  { id: 2, name: 'Quell', climate: 'temperate', diameter: '12120', population: '1000000000', rotationPeriod: '24', orbitalPeriod: '364' },
  { id: 3, name: 'Brenn', climate: 'frozen', diameter: '7200', population: 'unknown', rotationPeriod: '23', orbitalPeriod: '549' },
  { id: 4, name: 'Taloss', climate: 'murky', diameter: '8900', population: '800', rotationPeriod: '27', orbitalPeriod: '341' },
  { id: 5, name: 'Meridia', climate: 'temperate', diameter: '19720', population: '1500000', rotationPeriod: '27', orbitalPeriod: '463' },
  { id: 6, name: 'Cinder', climate: 'hot', diameter: 'unknown', population: 'unknown', rotationPeriod: '36', orbitalPeriod: '412' },
];

export const STARSHIPS: readonly Starship[] = [
  { id: 1, name: 'Dawnrunner', model: 'DR-7 light freighter', starshipClass: 'light freighter', costInCredits: '100000', length: '34', crew: '4' },
  { id: 2, name: 'Halcyon', model: 'H-class courier', starshipClass: 'courier', costInCredits: 'unknown', length: '22', crew: '2' },
  { id: 3, name: 'Iron Wren', model: 'Wren-3 interceptor', starshipClass: 'starfighter', costInCredits: '149999', length: '12', crew: '1' },
  { id: 4, name: 'Longwake', model: 'LW-40 cruiser', starshipClass: 'cruiser', costInCredits: '3500000', length: '150', crew: '30' },
  { id: 5, name: 'Pale Lantern', model: 'PL-2 yacht', starshipClass: 'yacht', costInCredits: 'unknown', length: '47', crew: '5' },
  { id: 6, name: 'Thistle', model: 'T-9 shuttle', starshipClass: 'shuttle', costInCredits: '240000', length: '20', crew: '6' },
  { id: 7, name: 'Vagrant Star', model: 'VS hauler', starshipClass: 'freighter', costInCredits: 'unknown', length: 'unknown', crew: '8' },
];

export const PEOPLE: readonly Person[] = [
  { id: 1, name: 'Oren Vask', height: '172', mass: '77', birthYear: '19BE', eyeColor: 'blue', homeworld: 1, starships: [1, 3] },
  { id: 2, name: 'Lyra Dane', height: '150', mass: '49', birthYear: '19BE', eyeColor: 'brown', homeworld: 1, starships: [] },
  { id: 3, name: 'Kesh Morrow', height: '178', mass: '120', birthYear: '52BE', eyeColor: 'hazel', homeworld: 1, starships: [2] },
  { id: 4, name: 'Tamsin Holt', height: '165', mass: '75', birthYear: '47BE', eyeColor: 'green', homeworld: 2, starships: [4] },
  { id: 5, name: 'Bex Ordo', height: '96', mass: '32', birthYear: '33BE', eyeColor: 'red', homeworld: 1, starships: [] },
  { id: 6, name: 'Ilya Renn', height: '183', mass: '84', birthYear: '24BE', eyeColor: 'brown', homeworld: 2, starships: [2, 5] },
  { id: 7, name: 'Dorrin Kade', height: '228', mass: '112', birthYear: '200BE', eyeColor: 'blue', homeworld: 3, starships: [1] },
  { id: 8, name: 'Sela Marr', height: '167', mass: 'unknown', birthYear: '22BE', eyeColor: 'grey', homeworld: 4, starships: [] },
  { id: 9, name: 'Jory Fenn', height: '180', mass: '80', birthYear: 'unknown', eyeColor: 'blue', homeworld: 1, starships: [6] },
  { id: 10, name: 'Nadia Korr', height: '170', mass: '56', birthYear: '29BE', eyeColor: 'amber', homeworld: 2, starships: [7] },
  { id: 11, name: 'Vell Astra', height: 'unknown', mass: 'unknown', birthYear: 'unknown', eyeColor: 'black', homeworld: 3, starships: [] },
  { id: 12, name: 'Pim Hallow', height: '112', mass: '40', birthYear: '8BE', eyeColor: 'yellow', homeworld: 5, starships: [3] },
];
