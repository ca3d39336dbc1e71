/**
 * The hand-worked map of the territory tests: accounts on the equator (latitude 0) and two reps whose homes are on
 * it too, so every distance is a whole number of degrees of arc (1° = 111.195 km).
 */
import type { TerritoryProblem } from '../../src/territory';

/** 1° of longitude on the equator in km: 6371.0088 × π / 180. */
export const DEGREE_KM = (6371.0088 * Math.PI) / 180;

/**
 * One metric `values`, accounts at longitudes `lons` (degrees), reps `names` at longitudes `homes` (undefined: no
 * home).
 */
export function equatorBook(
  values: number[],
  lons: number[],
  homes: (number | undefined)[] = [0, 10],
  names: string[] = ['Ann', 'Bob'],
): TerritoryProblem {
  return {
    metrics: [values],
    reps: homes.map((lon, r) => ({ name: names[r], home: lon === undefined ? undefined : { lat: 0, lon } })),
    coordinates: { lat: lons.map(() => 0), lon: lons },
  };
}
