import type { DesignerState } from '../../store/designerStore.ts';
import { useDesigner } from '../StoreContext.tsx';
import { useMediaQuery } from '../useMediaQuery.ts';

/**
 * A window this short leaves the panels under the editor a few lines: the Inspector showed one
 * field at 1280×720. There the panels with forms take the side column.
 */
export const SHORT_WINDOW = '(max-height: 820px)';

/** Panels that hold forms and need the height. */
const TALL_PANELS: ReadonlySet<DesignerState['panel']> = new Set(['Inspector', 'Simulate request']);

/**
 * Whether the panels take the whole side column (the editor folded to its tab bar): the user's
 * choice, else on a short window for the Inspector and the simulator.
 */
export function isPanelMaximized(
  state: Pick<DesignerState, 'panel' | 'panelMaximized'>,
  shortWindow: boolean,
): boolean {
  return state.panelMaximized ?? (shortWindow && TALL_PANELS.has(state.panel));
}

/** `isPanelMaximized` for a component, following the window's height. */
export function usePanelMaximized(): boolean {
  const short = useMediaQuery(SHORT_WINDOW);
  return useDesigner((s) => isPanelMaximized(s, short));
}
