import type { Language } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";
import { type Ladder, type LadderStep, ladderSteps, rungsOf } from "./ladders.js";

/**
 * One career graph over many ladders. This is also the JSON output of `csroles graph --json`
 * (docs/json-output.md), so field names are snake_case and changes are changes to a contract.
 */
export interface CareerGraph {
  /** Language of the `label` fields. */
  label_lang: Language;
  /** The profiles whose ladders make the graph. */
  roles: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The two positions whose path is marked (`on_path`), or null. */
  path: { from: string; to: string } | null;
}

export interface GraphNode {
  position: string;
  label: string;
  /** Each stage some ladder lists the position at (lowest first), with the profiles whose ladders do. */
  stages: { stage: string; label: string; roles: string[] }[];
  /** Profiles whose own position this is. */
  profiles: string[];
  on_path: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The profiles whose ladders describe this step. */
  roles: string[];
  on_path: boolean;
}

const stepKey = (from: string, to: string) => `${from}\u0000${to}`;

/** Fewest steps from `start` to every position it leads to (start: 0). */
function distances(start: string, next: Map<string, string[]>): Map<string, number> {
  const distance = new Map([[start, 0]]);
  const queue = [start];
  for (let at = queue.shift(); at !== undefined; at = queue.shift())
    for (const neighbour of next.get(at) ?? [])
      if (!distance.has(neighbour)) {
        distance.set(neighbour, (distance.get(at) ?? 0) + 1);
        queue.push(neighbour);
      }
  return distance;
}

/**
 * The steps on the shortest ways up from `from` to `to` (fewest steps; every way that short): a
 * step is on one when the steps from `from` to its lower end, the step, and the steps from its
 * upper end to `to` add up to the shortest distance. Empty when no ladder leads from one to the other.
 */
export function stepsBetween(steps: LadderStep[], from: string, to: string): LadderStep[] {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const link = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const step of steps) {
    link(up, step.from.position, step.to.position);
    link(down, step.to.position, step.from.position);
  }
  const afterFrom = distances(from, up);
  const beforeTo = distances(to, down);
  const shortest = afterFrom.get(to);
  if (shortest === undefined) return [];
  return steps.filter(
    (step) =>
      (afterFrom.get(step.from.position) ?? Number.POSITIVE_INFINITY) +
        1 +
        (beforeTo.get(step.to.position) ?? Number.POSITIVE_INFINITY) ===
      shortest,
  );
}

/** Every step of every ladder. */
export function allSteps(ladders: Ladder[], vocabulary: VocabularyIndex): LadderStep[] {
  return ladders.flatMap((ladder) => ladderSteps(ladder, vocabulary));
}

/**
 * The career graph of the ladders: a node per position concept (merged across languages and
 * profiles), an edge per step, each knowing the profiles that state it. With `path`, the nodes
 * and edges on the shortest ways up from `path.from` to `path.to` are marked. Pure: data in, data out.
 */
export function buildCareerGraph(
  ladders: Ladder[],
  vocabulary: VocabularyIndex,
  labelLang: Language,
  path?: { from: string; to: string },
): CareerGraph {
  // position → stage → ids of the ladders that list it there (Sets: a library may hold thousands).
  const placements = new Map<string, Map<string, Set<string>>>();
  for (const ladder of ladders)
    for (const rung of rungsOf(ladder, vocabulary))
      for (const { position } of rung.positions) {
        const stages = placements.get(position) ?? new Map<string, Set<string>>();
        stages.set(rung.stage, (stages.get(rung.stage) ?? new Set()).add(ladder.id));
        placements.set(position, stages);
      }
  const lowestStage = new Map(
    [...placements].map(([position, stages]) => [
      position,
      Math.min(...[...stages.keys()].map((stage) => vocabulary.stageRank(stage))),
    ]),
  );
  const lowest = (position: string) => lowestStage.get(position) ?? 0;
  // Lowest stage first, then the vocabulary's order.
  const positionOrder = new Map(vocabulary.vocabulary.positions.map((p, index) => [p.id, index]));
  const order = [...placements.keys()].sort(
    (a, b) =>
      lowest(a) - lowest(b) ||
      (positionOrder.get(a) ?? positionOrder.size) - (positionOrder.get(b) ?? positionOrder.size),
  );
  const rank = new Map(order.map((position, index) => [position, index]));

  const steps = allSteps(ladders, vocabulary);
  const marked = path ? stepsBetween(steps, path.from, path.to) : [];
  const markedKeys = new Set(marked.map((s) => stepKey(s.from.position, s.to.position)));
  const markedPositions = new Set(marked.flatMap((s) => [s.from.position, s.to.position]));

  const edges = new Map<string, GraphEdge & { stated: Set<string> }>();
  for (const step of steps) {
    const key = stepKey(step.from.position, step.to.position);
    let edge = edges.get(key);
    if (!edge) {
      edge = {
        from: step.from.position,
        to: step.to.position,
        roles: [],
        on_path: markedKeys.has(key),
        stated: new Set(),
      };
      edges.set(key, edge);
    }
    if (!edge.stated.has(step.role)) edge.roles.push(step.role);
    edge.stated.add(step.role);
  }
  const owners = new Map<string, string[]>();
  for (const ladder of ladders) {
    const ids = owners.get(ladder.position);
    if (ids) ids.push(ladder.id);
    else owners.set(ladder.position, [ladder.id]);
  }
  return {
    label_lang: labelLang,
    roles: ladders.map((ladder) => ladder.id),
    nodes: order.map((position) => ({
      position,
      label: vocabulary.label("positions", position, labelLang),
      stages: [...(placements.get(position)?.entries() ?? [])]
        .sort(([a], [b]) => vocabulary.stageRank(a) - vocabulary.stageRank(b))
        .map(([stage, roles]) => ({
          stage,
          label: vocabulary.label("stages", stage, labelLang),
          roles: [...roles],
        })),
      profiles: owners.get(position) ?? [],
      on_path: markedPositions.has(position),
    })),
    edges: [...edges.values()]
      .map(({ stated: _, ...edge }) => edge)
      .sort(
        (a, b) =>
          (rank.get(a.from) ?? 0) - (rank.get(b.from) ?? 0) || (rank.get(a.to) ?? 0) - (rank.get(b.to) ?? 0),
      ),
    path: path ?? null,
  };
}
