/**
 * The galaxy's records. The seed keeps them as the simulator thinks of them
 * (relations by id); the API writes them as SWAPI does (records.ts): keys in
 * snake_case, measures as strings that may be "unknown", and relations as
 * absolute URLs on the host the caller asked.
 */

export interface Person {
  id: number;
  name: string;
  /** Centimetres, or "unknown". */
  height: string;
  /** Kilograms, or "unknown". */
  mass: string;
  birthYear: string;
  eyeColor: string;
  homeworld: number;
  starships: number[];
}

export interface Planet {
  id: number;
  name: string;
  climate: string;
  /** Kilometres, or "unknown". */
  diameter: string;
  /** Or "unknown". */
  population: string;
  /** Hours in a day. */
  rotationPeriod: string;
  /** Days in a year. */
  orbitalPeriod: string;
}

export interface Starship {
  id: number;
  name: string;
  model: string;
  starshipClass: string;
  /** Or "unknown". */
  costInCredits: string;
  /** Metres, or "unknown". */
  length: string;
  crew: string;
}

/** A person as the API writes one. */
export interface PersonRecord {
  id: number;
  name: string;
  height: string;
  mass: string;
  birth_year: string;
  eye_color: string;
  homeworld: string;
  starships: string[];
  url: string;
}

/** A planet as the API writes one. */
export interface PlanetRecord {
  id: number;
  name: string;
  climate: string;
  diameter: string;
  population: string;
  rotation_period: string;
  orbital_period: string;
  url: string;
}

/** A starship as the API writes one. */
export interface StarshipRecord {
  id: number;
  name: string;
  model: string;
  starship_class: string;
  cost_in_credits: string;
  length: string;
  crew: string;
  url: string;
}

/** `GET /__galaxy/stats`: API calls since the last reset, in all and by `METHOD /pattern`, and how many were refused for their key. */
export interface GalaxyStats {
  total: number;
  refused: number;
  routes: Record<string, number>;
}

/** Every failure, whatever its status: a 401 for the key, a 400 for a bad parameter, and 200 (sic) for an unknown record or page. */
export interface GalaxyErrorBody {
  detail: string;
  ok: false;
}
