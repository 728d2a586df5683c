import type { Person, PersonRecord, Planet, PlanetRecord, Starship, StarshipRecord } from './types.ts';

/**
 * The records as the API writes them, for a caller that reached it at `base`
 * (`http://<host>`, from its Host header): every record names itself and its
 * relations by absolute URL, as SWAPI does, so a client follows links
 * rather than building paths.
 */

const personUrl = (base: string, id: number): string => `${base}/api/people/${id}/`;
const planetUrl = (base: string, id: number): string => `${base}/api/planets/${id}/`;
const starshipUrl = (base: string, id: number): string => `${base}/api/starships/${id}/`;

export function personRecord(base: string, person: Person): PersonRecord {
  return {
    id: person.id,
    name: person.name,
    height: person.height,
    mass: person.mass,
    birth_year: person.birthYear,
    eye_color: person.eyeColor,
    homeworld: planetUrl(base, person.homeworld),
    starships: person.starships.map((id) => starshipUrl(base, id)),
    url: personUrl(base, person.id),
  };
}

export function planetRecord(base: string, planet: Planet): PlanetRecord {
  return {
    id: planet.id,
    name: planet.name,
    climate: planet.climate,
    diameter: planet.diameter,
    population: planet.population,
    rotation_period: planet.rotationPeriod,
    orbital_period: planet.orbitalPeriod,
    url: planetUrl(base, planet.id),
  };
}

export function starshipRecord(base: string, starship: Starship): StarshipRecord {
  return {
    id: starship.id,
    name: starship.name,
    model: starship.model,
    starship_class: starship.starshipClass,
    cost_in_credits: starship.costInCredits,
    length: starship.length,
    crew: starship.crew,
    url: starshipUrl(base, starship.id),
  };
}
