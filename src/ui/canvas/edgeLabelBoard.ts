import type { Cubic } from './edgeGeometry.ts';

/** What an edge tells the label layer about its label. */
export interface EdgeLabelSpec {
  readonly id: string;
  readonly text: string;
  readonly curve: Cubic;
  /** Where along the edge the label would rather sit (0 source, 1 target). */
  readonly prefer: number;
  readonly selected: boolean;
  /** The edge's stroke, which the label's border repeats so it reads as the edge's. */
  readonly color: string | undefined;
  /** On or off the simulated request's path, while one is shown. */
  readonly sim: 'lit' | 'dim' | undefined;
}

/**
 * Where edges post their labels for the one layer that draws them all (EdgeLabelLayer): a
 * label can only avoid the others if something sees them all. A tiny external store, read with
 * `useSyncExternalStore`; one per React Flow instance (`boardFor`).
 */
export class EdgeLabelBoard {
  private readonly specs = new Map<string, EdgeLabelSpec>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly EdgeLabelSpec[] = [];

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly labels = (): readonly EdgeLabelSpec[] => this.snapshot;

  post(spec: EdgeLabelSpec): void {
    const old = this.specs.get(spec.id);
    if (old && sameSpec(old, spec)) return;
    this.specs.set(spec.id, spec);
    this.changed();
  }

  remove(id: string): void {
    if (this.specs.delete(id)) this.changed();
  }

  private changed(): void {
    this.snapshot = [...this.specs.values()];
    for (const listener of this.listeners) listener();
  }
}

function sameSpec(a: EdgeLabelSpec, b: EdgeLabelSpec): boolean {
  return (
    a.text === b.text &&
    a.prefer === b.prefer &&
    a.selected === b.selected &&
    a.color === b.color &&
    a.sim === b.sim &&
    a.curve.every((p, i) => p[0] === b.curve[i]?.[0] && p[1] === b.curve[i]?.[1])
  );
}

const boards = new WeakMap<object, EdgeLabelBoard>();

/**
 * The board of one React Flow instance, keyed by its store's `getState`: `useStoreApi()` gives
 * each component its own wrapper object around the one store, but the same functions.
 */
export function boardFor(flow: { readonly getState: object }): EdgeLabelBoard {
  let board = boards.get(flow.getState);
  if (!board) {
    board = new EdgeLabelBoard();
    boards.set(flow.getState, board);
  }
  return board;
}
