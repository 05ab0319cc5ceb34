import type { StoreApi } from 'zustand/vanilla';
import type { LintDiagnostic } from '../check/lint.ts';
import type { Command } from '../edit/command.ts';
import type { SavedTest } from '../simulate/savedTests.ts';
import type { SimRequest } from '../simulate/types.ts';
import type { DesignApi } from '../templates/designApi.ts';
import type { SourceText, Workspace } from '../workspace/workspace.ts';
import type * as graphView from './graphView.ts';
import type { History, HistoryPolicy } from './history.ts';

// What the one store holds and does; designerStore.ts makes it.

export interface XY {
  readonly x: number;
  readonly y: number;
}

export type Theme = 'light' | 'dark';

/** What the checks found in one workspace (with one completeness setting). */
export interface Problems {
  readonly workspace: Workspace;
  readonly complete: boolean;
  readonly diagnostics: readonly LintDiagnostic[];
  /** Findings a `galley.istio.io/analyze-suppress` annotation leaves out (shown on request). */
  readonly suppressed?: readonly LintDiagnostic[];
}

/** The tabs of the panels under the editor. */
export type PanelName = 'Problems' | 'Inspector' | 'Simulate request';

/** The modal dialogs of the screen; one at a time. */
export type DialogName =
  | 'import'
  | 'scenario'
  | 'convert'
  | 'palette'
  | 'goto'
  | 'rename'
  | 'compare';

/** Where a selection was made: on the canvas, by the editor's cursor, or from a list. */
export type SelectionOrigin = 'canvas' | 'editor' | 'list';

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  /** Follow-ups the user may apply from the notice (each its own undo step). */
  readonly actions?: readonly { readonly title: string; readonly command: Command }[];
  /**
   * The notice reports the newest undo step (a graph gesture): it offers Undo. Any later change
   * clears the notice, so its Undo never undoes something else.
   */
  readonly undoable?: boolean;
}

/**
 * Everything the designer holds. The graph, the problems and the editor's text are not here:
 * they are derived from `workspace` and `drafts` by the selectors in `selectors.ts`.
 */
export interface DesignerState extends graphView.GraphViewState {
  /** The last workspace that parsed: the one source of truth. */
  readonly workspace: Workspace;
  /**
   * The workspace as opened (the page loaded) or last replaced whole (an import, New, a shared
   * link): what Compare measures the edits since against. Not part of the undo history.
   */
  readonly baseline: Workspace;
  /** The workspace as it was last exported, null before the first export (Compare's other choice). */
  readonly lastExport: Workspace | null;
  /**
   * Editor texts that do not parse, by file name. While one exists the workspace keeps its last
   * good state (the graph says it is stale) and the text is kept here, so no typing is lost.
   */
  readonly drafts: Readonly<Record<string, string>>;
  readonly history: History;
  /** The selected graph node's id. */
  readonly selection: string | null;
  /** Node positions on the canvas (view state: not part of the undo history). */
  readonly positions: Readonly<Record<string, XY>>;
  /** Bumped to ask the canvas for a fresh automatic layout. */
  readonly layoutRequest: number;
  readonly activeFile: string | null;
  /** The theme shown: the user's choice, else the system's (`prefers-color-scheme`). */
  readonly theme: Theme;
  /** True once the user picked a theme: it is kept, and the system's no longer followed. */
  readonly themeChosen: boolean;
  /**
   * Checks treat the workspace as all there is (`lint --complete`): references to Services,
   * Secrets or pods it does not hold are errors rather than "not in this workspace".
   */
  readonly assumeComplete: boolean;
  /** The API new designs (scenarios) are written in: a setting, kept across visits. */
  readonly designApi: DesignApi;
  /**
   * The checks' findings and the workspace they were found in: computed away from typing (by
   * the screen, in a worker) and set with `setProblems`; null until the first answer.
   */
  readonly problems: Problems | null;
  readonly notice: Notice | null;
  /** The panel shown under the editor. */
  readonly panel: PanelName;
  /**
   * Whether the panels take the whole side column, the editor folded to its tab bar (VS Code's
   * "maximize panel"). Null: as the screen suggests (the app maximises the Inspector and the
   * simulator on a short window); showing another panel goes back to null.
   */
  readonly panelMaximized: boolean | null;
  /** Asks the canvas to centre a node (Go to resource); `seq` makes repeats distinct. */
  readonly centre: { readonly id: string; readonly seq: number } | null;
  readonly dialog: DialogName | null;
  /** The request the simulator last sent; its answer is derived again on every change. */
  readonly simulatorRequest: SimRequest | null;
  /** Requests saved with what they should do; they run on every change (route coverage too). */
  readonly savedTests: readonly SavedTest[];
  /** A place in a file the editor should show (a clicked problem); `seq` makes repeats distinct. */
  readonly reveal: {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly seq: number;
  } | null;
}

export interface DesignerActions extends graphView.GraphViewActions {
  /** Applies a command; false (with a notice) when it is refused. */
  apply(command: Command, policy?: HistoryPolicy): boolean;
  /**
   * Takes the editor's text for a file: applied when it parses, kept as a draft when not. A
   * text that replaced the whole file (`whole`) is no longer that file: it becomes
   * `untitled.yaml` (unless its name already is one), in the same place and the same step.
   */
  editText(file: string, text: string, whole?: boolean): void;
  undo(): void;
  redo(): void;
  /**
   * Selects a node. `origin` says where the user did it: the inspector comes forward for a
   * selection on the canvas, not for one that follows the editor's cursor or a list entry.
   */
  select(id: string | null, origin?: SelectionOrigin): void;
  setPositions(positions: Readonly<Record<string, XY>>, mode?: 'merge' | 'replace'): void;
  requestLayout(): void;
  setActiveFile(file: string): void;
  /** The user's choice of theme: kept across visits. */
  setTheme(theme: Theme): void;
  /** The system's theme changed: followed unless the user has chosen one. */
  followSystemTheme(theme: Theme): void;
  setAssumeComplete(complete: boolean): void;
  /** The API new designs are written in: kept across visits. */
  setDesignApi(api: DesignApi): void;
  setProblems(problems: Problems): void;
  notify(notice: Notice | null): void;
  revealAt(file: string, line: number, column: number): void;
  /** Sends a request through the simulator (null clears it and its highlight). */
  sendRequest(request: SimRequest | null): void;
  setSavedTests(tests: readonly SavedTest[]): void;
  showPanel(panel: PanelName): void;
  setPanelMaximized(maximized: boolean): void;
  /** Selects a node, shows it in the Inspector and centres it on the canvas. */
  goTo(id: string): void;
  openDialog(dialog: DialogName | null): void;
  /** The workspace was exported (downloaded or copied): Compare can measure against it. */
  recordExport(workspace: Workspace): void;
}

export type DesignerStore = StoreApi<DesignerState & DesignerActions>;

export interface DesignerInit {
  readonly files: readonly SourceText[];
  readonly drafts?: Readonly<Record<string, string>>;
  readonly positions?: Readonly<Record<string, XY>>;
  /** The theme the user chose, if any. */
  readonly theme?: Theme;
  /** The system's theme, shown until the user chooses. */
  readonly systemTheme?: Theme;
  readonly assumeComplete?: boolean;
  readonly designApi?: DesignApi;
  readonly savedTests?: readonly SavedTest[];
  readonly groupBy?: graphView.GroupBy;
  readonly now?: () => number;
}
