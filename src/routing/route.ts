/**
 * ROUTE's kernel: which rep gets each record, from parsed rules and reps.
 *
 * Rules: groups of conditions by priority, lowest number first; a group's conditions are ANDed (a group with none is
 * the default) and the first group whose conditions all hold assigns the record to its rep or team.
 *
 * Teams: weighted round-robin in record order, "smooth" as nginx's upstream balancer. Each rep has a count (their
 * `load` to start with, then the records they get) and a weight. A record for a team goes to the eligible rep (active,
 * count below capacity) furthest behind their weighted share of the eligible reps' records including this one:
 * the largest (T + 1) × w ÷ W − count, where W is the eligible reps' total weight and T their total count; a tie
 * goes to the rep listed first. With no load and no capacity this is exactly nginx's smooth weighted round-robin
 * (add each weight to a running score, pick the largest, take the total weight from the winner): weights 2:1 give
 * A, B, A, A, B, A…; equal weights give strict turns. A rep at capacity drops out; the others continue by weight.
 * A rule that names a rep gives them the record if they are active and have room. Otherwise the record gets #N/A
 * with the reason. The kernel keeps no state between calls: the same arguments give the same column.
 */
import type { Comparable, Operator } from './values';
import { equals, order } from './values';

/** One condition: a record field (column index), an operator and the rule's value (a list for "in"). */
export interface Condition {
  readonly column: number;
  readonly op: Operator;
  readonly value: Comparable;
  readonly list: readonly Comparable[];
}

/** A priority's rules: all conditions must hold; `team` or `rep` is the index the record goes to. */
export interface RuleGroup {
  readonly priority: number;
  readonly conditions: readonly Condition[];
  readonly target: { readonly kind: 'team' | 'rep'; readonly index: number; readonly name: string };
}

/** A rep of the reps table. */
export interface RouteRep {
  readonly name: string;
  readonly team: number; // −1: no team
  readonly weight: number;
  readonly capacity: number; // Infinity: no limit
  readonly active: boolean;
  readonly load: number;
}

/** What became of one record: a rep index, or a reason it has no rep. */
export type Routed = number | { readonly reason: string };

/** True when `cell` satisfies condition `c`. */
export function holds(c: Condition, cell: Comparable): boolean {
  switch (c.op) {
    case '=':
      return equals(cell, c.value);
    case '<>':
      return !equals(cell, c.value);
    case '<': {
      const o = order(cell, c.value);
      return o !== undefined && o < 0;
    }
    case '<=': {
      const o = order(cell, c.value);
      return o !== undefined && o <= 0;
    }
    case '>': {
      const o = order(cell, c.value);
      return o !== undefined && o > 0;
    }
    case '>=': {
      const o = order(cell, c.value);
      return o !== undefined && o >= 0;
    }
    case 'in':
      return c.list.some((v) => equals(cell, v));
    case 'contains':
      return cell.text.includes(c.value.text);
    case 'starts with':
      return cell.text.startsWith(c.value.text);
  }
}

/**
 * Routes `count` records: `cell(record, column)` gives a record's field; `blank(record)` says a row is empty (it
 * gets `null` and counts for no one). `groups` are sorted by priority; `teams` names the teams (for reasons).
 */
export function route(
  count: number,
  cell: (record: number, column: number) => Comparable,
  blank: (record: number) => boolean,
  groups: readonly RuleGroup[],
  reps: readonly RouteRep[],
  teams: readonly string[],
): (Routed | null)[] {
  const counts = reps.map((r) => r.load);
  // Per team: the eligible reps in table order, and their total weight and count.
  const eligible = teams.map((_, t) =>
    reps.flatMap((r, i) => (r.team === t && r.active && r.load < r.capacity ? [i] : [])),
  );
  const weightSum = eligible.map((list) => list.reduce((s, i) => s + reps[i].weight, 0));
  const countSum = eligible.map((list) => list.reduce((s, i) => s + counts[i], 0));
  const out = new Array<Routed | null>(count);
  for (let r = 0; r < count; r++) {
    if (blank(r)) {
      out[r] = null;
      continue;
    }
    let group: RuleGroup | undefined;
    for (const g of groups) {
      let ok = true;
      for (const c of g.conditions) {
        if (!holds(c, cell(r, c.column))) {
          ok = false;
          break;
        }
      }
      if (ok) {
        group = g;
        break;
      }
    }
    if (group === undefined) {
      out[r] = { reason: 'No rule matches this record; add a default rule (a priority with no field).' };
      continue;
    }
    const target = group.target;
    if (target.kind === 'rep') {
      const rep = reps[target.index];
      if (!rep.active) out[r] = { reason: `Rule ${group.priority} assigns to ${rep.name}, who is not active.` };
      else if (counts[target.index] >= rep.capacity) {
        out[r] = { reason: `Rule ${group.priority} assigns to ${rep.name}, who is at capacity (${rep.capacity}).` };
      } else {
        counts[target.index]++;
        if (rep.team >= 0 && eligible[rep.team].includes(target.index)) {
          countSum[rep.team]++;
          if (counts[target.index] >= rep.capacity) dropRep(rep.team, target.index);
        }
        out[r] = target.index;
      }
      continue;
    }
    const t = target.index;
    const list = eligible[t];
    if (list.length === 0) {
      out[r] = { reason: `Team ${target.name} has no active rep with room (rule ${group.priority}).` };
      continue;
    }
    // The eligible rep furthest behind their weighted share: max (T + 1) × w − count × W (scaled by W > 0).
    const next = countSum[t] + 1;
    const W = weightSum[t];
    let best = list[0];
    let bestScore = next * reps[best].weight - counts[best] * W;
    for (let k = 1; k < list.length; k++) {
      const i = list[k];
      const score = next * reps[i].weight - counts[i] * W;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    counts[best]++;
    countSum[t]++;
    if (counts[best] >= reps[best].capacity) dropRep(t, best);
    out[r] = best;
  }
  return out;

  function dropRep(t: number, i: number): void {
    eligible[t] = eligible[t].filter((x) => x !== i);
    weightSum[t] = eligible[t].reduce((s, x) => s + reps[x].weight, 0);
    countSum[t] -= counts[i];
  }
}
