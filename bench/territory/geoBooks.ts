/**
 * The clustered books of the compactness bench (issue 24): accounts around 30 cities of uneven weight in the
 * western United States, rep homes drawn around the same cities (so a city's reps and accounts do not match), and
 * potential and workload as in the messy books. Seeded, so a test and the bench see the same book.
 */
import { mulberry32 } from '../../src/shared/random';

/** A clustered book: metrics, account coordinates and rep homes (degrees). */
export interface GeoBook {
  n: number;
  R: number;
  pot: Float64Array;
  wl: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  hLat: Float64Array;
  hLon: Float64Array;
}

/** `n` accounts and `R` rep homes around 30 cities, from `seed`. */
export function geoBook(n: number, R: number, seed: number): GeoBook {
  const rng = mulberry32(seed);
  const C = 30;
  const cLat = Array.from({ length: C }, () => 30 + 18 * rng());
  const cLon = Array.from({ length: C }, () => -120 + 45 * rng());
  const cW = Array.from({ length: C }, () => Math.pow(rng(), 2) + 0.05);
  const wSum = cW.reduce((s, x) => s + x, 0);
  const pick = () => {
    let u = rng() * wSum;
    for (let i = 0; i < C; i++) if ((u -= cW[i]) < 0) return i;
    return C - 1;
  };
  const gauss = () => rng() + rng() + rng() - 1.5;
  const pot = new Float64Array(n);
  const wl = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const p = 1000 * Math.pow(20, rng());
    pot[a] = Math.round(p);
    wl[a] = Math.round(p / 200 + 60 * rng());
    const i = pick();
    lat[a] = cLat[i] + 1.2 * gauss();
    lon[a] = cLon[i] + 1.6 * gauss();
  }
  const hLat = new Float64Array(R);
  const hLon = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    const i = pick();
    hLat[r] = cLat[i] + 0.6 * gauss();
    hLon[r] = cLon[i] + 0.8 * gauss();
  }
  return { n, R, pot, wl, lat, lon, hLat, hLon };
}
