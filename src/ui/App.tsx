import { lazy, Suspense, useEffect } from 'react';
import { FlowCanvas } from './canvas/FlowCanvas.tsx';
import { useChecks } from './checks/useChecks.ts';
import { CommandPalette } from './commands/CommandPalette.tsx';
import { GoToResource } from './commands/GoToResource.tsx';
import { RenameDialog } from './commands/RenameDialog.tsx';
import { DiagramDialogs } from './diagram/DiagramDialogs.tsx';
import { BottomPanels } from './panels/BottomPanels.tsx';
import { usePanelMaximized } from './panels/usePanelMaximized.ts';
import { SplitPane } from './SplitPane.tsx';
import { useDesigner, useDesignerStore } from './StoreContext.tsx';
import { ShareDialogs } from './share/ShareDialogs.tsx';
import { ImportDialog } from './toolbar/ImportDialog.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { useFileDrop } from './toolbar/useFileDrop.ts';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import { DARK_SCHEME, useMediaQuery } from './useMediaQuery.ts';

// Monaco is large: the graph appears first, the editor when its chunk has loaded.
const ManifestEditor = lazy(() => import('./editor/ManifestEditor.tsx'));
// The scenario templates and the converters load when their dialog first opens.
const ConvertDialog = lazy(() =>
  import('./convert/ConvertDialog.tsx').then((m) => ({ default: m.ConvertDialog })),
);
const ScenarioDialog = lazy(() =>
  import('./commands/ScenarioDialog.tsx').then((m) => ({ default: m.ScenarioDialog })),
);
const CompareDialog = lazy(() =>
  import('./compare/CompareDialog.tsx').then((m) => ({ default: m.CompareDialog })),
);

/** The designer screen: toolbar, the flow canvas, and the manifests with problems and inspector. */
export function App() {
  const store = useDesignerStore();
  const theme = useDesigner((s) => s.theme);
  const dialog = useDesigner((s) => s.dialog);
  const closeDialog = () => store.getState().openDialog(null);
  useGlobalShortcuts();
  useChecks(store);
  const dropProps = useFileDrop();
  const maximized = usePanelMaximized();
  const systemDark = useMediaQuery(DARK_SCHEME);
  useEffect(() => {
    store.getState().followSystemTheme(systemDark ? 'dark' : 'light');
  }, [store, systemDark]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app" {...dropProps}>
      <Toolbar />
      <SplitPane
        className="workspace"
        storageKey="istio-designer/split/main"
        initial={0.64}
        first={<FlowCanvas />}
        second={
          <SplitPane
            vertical
            className="side"
            storageKey="istio-designer/split/side"
            initial={0.64}
            folded={maximized}
            first={
              <section aria-label="Manifests" className={`manifests${maximized ? ' folded' : ''}`}>
                <Suspense fallback={<p className="loading">Loading the editor…</p>}>
                  <ManifestEditor />
                </Suspense>
              </section>
            }
            second={<BottomPanels />}
          />
        }
      />
      {dialog === 'import' && <ImportDialog onClose={closeDialog} />}
      {dialog === 'palette' && <CommandPalette />}
      {dialog === 'goto' && <GoToResource />}
      {dialog === 'scenario' && (
        <Suspense fallback={null}>
          <ScenarioDialog onClose={closeDialog} />
        </Suspense>
      )}
      {dialog === 'convert' && (
        <Suspense fallback={null}>
          <ConvertDialog onClose={closeDialog} />
        </Suspense>
      )}
      {dialog === 'rename' && <RenameDialog onClose={closeDialog} />}
      {dialog === 'compare' && (
        <Suspense fallback={null}>
          <CompareDialog onClose={closeDialog} />
        </Suspense>
      )}
      <ShareDialogs />
      <DiagramDialogs />
    </div>
  );
}
