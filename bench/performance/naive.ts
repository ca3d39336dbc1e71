/**
 * The peers of the performance bench: straightforward implementations a sales-ops analyst's script would have,
 * computing the same results as ROUTE and ATTAINMENT (the bench checks they agree) without their preparation:
 * every condition re-reads and re-normalises the cell, every pick filters the team's reps anew, and every booking
 * normalises its rep's name and looks it up.
 */
export type Cell = string | number | boolean | null | undefined;

const norm = (v: Cell) => (v === null || v === undefined ? '' : String(v).trim().toLowerCase());
const num = (v: Cell): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const n = Number(v.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
};

function holds(op: string, cell: Cell, value: Cell): boolean {
  const a = num(cell);
  const b = num(value);
  const eq = (x: Cell, y: Cell) =>
    num(x) !== undefined && num(y) !== undefined ? num(x) === num(y) : norm(x) === norm(y);
  switch (op) {
    case '=':
      return eq(cell, value);
    case '<>':
      return !eq(cell, value);
    case 'in':
      return String(value)
        .split(';')
        .some((v) => eq(cell, v.trim()));
    case 'contains':
      return norm(cell).includes(norm(value));
    case 'starts with':
      return norm(cell).startsWith(norm(value));
    default: {
      if (a === undefined || b === undefined) return false;
      return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
  }
}

/** ROUTE, naively: the assigned rep name per record (or "#N/A"). */
export function naiveRoute(records: Cell[][], rules: Cell[][], reps: Cell[][]): string[] {
  const header = records[0].map(norm);
  const rows = rules.slice(1);
  const priorities = [...new Set(rows.map((r) => r[0] as number))].sort((x, y) => x - y);
  const repRows = reps.slice(1).map((r) => ({
    name: String(r[0]),
    team: norm(r[1]),
    weight: (r[2] as number) || 1,
    cap: (r[3] as number) || Infinity,
    active: r[4] !== false,
    count: 0,
  }));
  const out: string[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i];
    let to: string | undefined;
    for (const p of priorities) {
      const group = rows.filter((r) => r[0] === p);
      const ok = group.every((r) => r[1] === null || holds(String(r[2]), rec[header.indexOf(norm(r[1]))], r[3]));
      if (ok) {
        to = norm(group.find((r) => r[4] !== null)![4]);
        break;
      }
    }
    if (to === undefined) {
      out.push('#N/A');
      continue;
    }
    const eligible = repRows.filter((r) => r.team === to && r.active && r.count < r.cap);
    if (eligible.length === 0) {
      out.push('#N/A');
      continue;
    }
    const W = eligible.reduce((s, r) => s + r.weight, 0);
    const T = eligible.reduce((s, r) => s + r.count, 0);
    let best = eligible[0];
    for (const r of eligible) if ((T + 1) * r.weight - r.count * W > (T + 1) * best.weight - best.count * W) best = r;
    best.count++;
    out.push(best.name);
  }
  return out;
}

/** ATTAINMENT's booked per rep, naively: a Map keyed by the normalised name, summed in cents. */
export function naiveBooked(reps: Cell[][], bookings: Cell[][]): number[] {
  const totals = new Map<string, number>();
  for (let i = 1; i < bookings.length; i++) {
    const [rep, , amount] = bookings[i];
    const key = String(rep).replace(/\s+/g, '').toLowerCase();
    totals.set(key, (totals.get(key) ?? 0) + Math.round((amount as number) * 100));
  }
  return reps.slice(1).map((r) => (totals.get(String(r[0]).replace(/\s+/g, '').toLowerCase()) ?? 0) / 100);
}
