// Which centres to call first when a friend disappears (#16): the centre itself, then the
// nearest of the same country, then the nearest across a border. Distances are great-circle
// distances between the approximate, city-level positions of config/centres.yaml.

import type { Centre, CentreDirectory, CentreLocation } from './centres.js';

/** How many centres of the origin's country to list, the origin included. */
const SAME_COUNTRY = 6;
/** A centre of another country is listed only this close (a border region, e.g. Calais–Bruges). */
const OTHER_COUNTRY_KM = 150;
/** Farther than this is another territory (overseas centres from mainland ones, and back). */
const SAME_TERRITORY_KM = 1500;
const EARTH_KM = 6371;

export interface NearCentre {
  readonly centre: Centre;
  /** Whole kilometres from the origin; undefined for the origin itself. */
  readonly km?: number;
}

/** Great-circle (haversine) distance in km. */
export function distanceKm(a: CentreLocation, b: CentreLocation): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The origin first, then the nearest centres of its country, then those just across a border. */
export function nearestCentres(centres: CentreDirectory, origin: Centre): NearCentre[] {
  const from = origin.location;
  if (!from) return [{ centre: origin }];
  const others = centres
    .list()
    .filter((c) => c.id !== origin.id && c.inLists !== false && c.location !== undefined)
    .map((centre) => ({ centre, km: Math.round(distanceKm(from, centre.location as CentreLocation)) }))
    .filter((n) => n.km <= SAME_TERRITORY_KM)
    // ties (two centres in one town) in a stable, readable order
    .sort((a, b) => a.km - b.km || a.centre.name.localeCompare(b.centre.name));
  const same = others.filter((n) => n.centre.country === origin.country).slice(0, SAME_COUNTRY - 1);
  const across = others.filter((n) => n.centre.country !== origin.country && n.km <= OTHER_COUNTRY_KM);
  return [{ centre: origin }, ...same, ...across];
}
