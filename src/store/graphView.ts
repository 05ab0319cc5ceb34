/**
 * How the canvas shows a large graph: grouped (by namespace or host, each group collapsed or
 * open) and focused on one host's or Gateway's path. View state, as positions are: never in the
 * undo history; only the choice of grouping is kept across visits.
 */

export type GroupBy = 'namespace' | 'host' | 'none';

export const GROUP_BY: readonly GroupBy[] = ['namespace', 'host', 'none'];

export function isGroupBy(value: unknown): value is GroupBy {
  return GROUP_BY.includes(value as GroupBy);
}

/** What the canvas is focused on: a host (its routes' paths) or a Gateway (by graph node id). */
export interface GraphFocus {
  readonly kind: 'host' | 'gateway';
  /** The host name, or the Gateway's graph node id. */
  readonly key: string;
  /** What the banner names: the host, or the Gateway's name. */
  readonly label: string;
}

export interface GraphViewState {
  readonly groupBy: GroupBy;
  /**
   * Groups the user opened (true) or closed (false), by group key (`namespace:team-3`). A group
   * not listed is open in a small graph and closed in a large one.
   */
  readonly groupOpen: Readonly<Record<string, boolean>>;
  readonly focus: GraphFocus | null;
  /** Go to resource lists hosts or Gateways to focus on instead of resources, while set. */
  readonly focusPicker: 'host' | 'gateway' | null;
}

export interface GraphViewActions {
  /** Groups by namespace, host, or not at all: kept across visits; open groups are forgotten. */
  setGroupBy(by: GroupBy): void;
  /** Opens or closes groups; `undefined` forgets the choice (back to the default). */
  setGroupOpen(keys: readonly string[], open: boolean | undefined): void;
  setFocus(focus: GraphFocus | null): void;
  setFocusPicker(picker: 'host' | 'gateway' | null): void;
}

type Set = (partial: Partial<GraphViewState>) => void;
type Get = () => GraphViewState;

/** The state and actions of the graph view, for `createDesignerStore`. */
export function graphViewSlice(set: Set, get: Get, groupBy: GroupBy | undefined) {
  const state: GraphViewState = {
    groupBy: groupBy ?? 'namespace',
    groupOpen: {},
    focus: null,
    focusPicker: null,
  };
  const actions: GraphViewActions = {
    setGroupBy(by) {
      if (get().groupBy !== by) set({ groupBy: by, groupOpen: {} });
    },
    setGroupOpen(keys, open) {
      const next: Record<string, boolean> = { ...get().groupOpen };
      for (const key of keys) {
        if (open === undefined) delete next[key];
        else next[key] = open;
      }
      set({ groupOpen: next });
    },
    setFocus(focus) {
      set({ focus });
    },
    setFocusPicker(focusPicker) {
      set({ focusPicker });
    },
  };
  return { ...state, ...actions };
}
