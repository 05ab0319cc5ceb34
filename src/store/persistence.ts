import { parseSavedTests, stringifySavedTests } from '../simulate/savedTests.ts';
import { type DesignApi, isDesignApi } from '../templates/designApi.ts';
import { type SourceText, serializeWorkspace } from '../workspace/workspace.ts';
import type { DesignerInit, DesignerState, DesignerStore, Theme, XY } from './designerStore.ts';
import { type GroupBy, isGroupBy } from './graphView.ts';

/** The part of `localStorage` this needs, so tests can pass a plain object. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_KEY = 'istio-designer/workspace/v1';

interface Saved {
  readonly files: readonly SourceText[];
  readonly drafts: Readonly<Record<string, string>>;
  readonly positions: Readonly<Record<string, XY>>;
  /** Only a theme the user chose: without one, each visit follows the system's. */
  readonly chosenTheme?: Theme;
  /**
   * Saved before themes followed the system: always written, `light` by default, so only
   * `dark` (which took a click) says the user chose.
   */
  readonly theme?: Theme;
  readonly assumeComplete?: boolean;
  /** The API new designs are written in. */
  readonly designApi?: DesignApi;
  /** Saved test requests, in the YAML form they import and export as. */
  readonly savedTests?: string;
  /** How the canvas groups a large graph. */
  readonly groupBy?: GroupBy;
}

/** What was saved last, or undefined when nothing (readable) was. Never throws. */
export function loadSaved(storage: KeyValueStorage): DesignerInit | undefined {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const saved = JSON.parse(raw) as Partial<Saved>;
    if (!Array.isArray(saved.files)) return undefined;
    const files = saved.files.filter(
      (f): f is SourceText => typeof f?.name === 'string' && typeof f?.text === 'string',
    );
    return {
      files,
      drafts: isStringRecord(saved.drafts) ? saved.drafts : {},
      positions:
        typeof saved.positions === 'object' && saved.positions !== null ? saved.positions : {},
      ...chosenTheme(saved),
      assumeComplete: saved.assumeComplete === true,
      ...(isDesignApi(saved.designApi) ? { designApi: saved.designApi } : {}),
      savedTests:
        typeof saved.savedTests === 'string' ? parseSavedTests(saved.savedTests).tests : [],
      ...(isGroupBy(saved.groupBy) ? { groupBy: saved.groupBy } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * What the app opens with: the saved workspace, or `example` when nothing was saved or the saved
 * workspace holds no file. The choices saved with it (theme, API for new designs, completeness,
 * saved tests) are kept either way: an emptied workspace is no reason to forget them.
 */
export function openingState(
  saved: DesignerInit | undefined,
  example: readonly SourceText[],
): DesignerInit {
  if (!saved) return { files: example };
  return saved.files.length > 0 ? saved : { ...saved, files: example, drafts: {}, positions: {} };
}

function chosenTheme(saved: Partial<Saved>): { theme?: Theme } {
  if (saved.chosenTheme === 'dark' || saved.chosenTheme === 'light')
    return { theme: saved.chosenTheme };
  return saved.theme === 'dark' ? { theme: 'dark' } : {};
}

function snapshot(state: DesignerState): Saved {
  return {
    files: serializeWorkspace(state.workspace),
    drafts: state.drafts,
    positions: state.positions,
    ...(state.themeChosen ? { chosenTheme: state.theme } : {}),
    assumeComplete: state.assumeComplete,
    designApi: state.designApi,
    savedTests: stringifySavedTests(state.savedTests),
    groupBy: state.groupBy,
  };
}

/**
 * Saves the workspace, drafts included, whenever it changes (after `delayMs` of quiet), so a
 * reload shows the same manifests. Returns a function that stops saving (and saves now).
 */
export function persist(
  store: DesignerStore,
  storage: KeyValueStorage,
  delayMs = 250,
  page?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(snapshot(store.getState())));
    } catch {
      store.getState().notify({
        kind: 'error',
        text: 'The browser refused to save the workspace (storage full?). Export it to keep it.',
      });
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const changed =
      state.workspace !== previous.workspace ||
      state.drafts !== previous.drafts ||
      state.positions !== previous.positions ||
      state.theme !== previous.theme ||
      state.themeChosen !== previous.themeChosen ||
      state.assumeComplete !== previous.assumeComplete ||
      state.designApi !== previous.designApi ||
      state.savedTests !== previous.savedTests ||
      state.groupBy !== previous.groupBy;
    if (!changed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  // A reload or a closed tab within the delay would lose the last change: it is saved on the
  // way out (`pagehide` also fires when the page goes to the back-forward cache).
  const leaving = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  page?.addEventListener('pagehide', leaving);
  return () => {
    unsubscribe();
    page?.removeEventListener('pagehide', leaving);
    leaving();
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}
