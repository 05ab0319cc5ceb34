import { lazy, type ReactNode, Suspense } from 'react';
import type { PanelName } from '../../store/designerStore.ts';
import { useDesigner } from '../StoreContext.tsx';
import { useProblems } from '../useProblems.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SimulatePanel } from './SimulatePanel.tsx';
import { usePanelMaximized } from './usePanelMaximized.ts';

// The forms are large and not needed for the first graph: loaded when first shown.
const InspectorPanel = lazy(() =>
  import('./InspectorPanel.tsx').then((m) => ({ default: m.InspectorPanel })),
);

const PANELS: Record<PanelName, () => ReactNode> = {
  Problems: () => <ProblemsPanel />,
  Inspector: () => (
    <Suspense fallback={<p className="loading">Loading the inspector…</p>}>
      <InspectorPanel />
    </Suspense>
  ),
  'Simulate request': () => <SimulatePanel />,
};

const slug = (name: string) => name.replace(/ /g, '-');

/**
 * The tabbed panels under the editor. Which one shows is store state, so selecting on the
 * canvas, the command palette and shortcuts can bring one forward.
 */
export function BottomPanels() {
  const tab = useDesigner((s) => s.panel);
  const showPanel = useDesigner((s) => s.showPanel);
  const setMaximized = useDesigner((s) => s.setPanelMaximized);
  const maximized = usePanelMaximized();
  const problems = useProblems().length;
  return (
    <div className="panels">
      <div className="panels-bar">
        <div role="tablist" aria-label="Panels" className="tabs">
          {(Object.keys(PANELS) as PanelName[]).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${slug(name)}`}
              aria-label={name}
              aria-selected={tab === name}
              aria-controls={`panel-${slug(name)}`}
              onClick={() => showPanel(name)}
            >
              {name}
              {name === 'Problems' && problems > 0 && <span className="badge">{problems}</span>}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="panels-maximize"
          aria-label="Maximize panels"
          aria-pressed={maximized}
          title={
            maximized
              ? 'Restore the editor above the panels'
              : 'Maximize the panels (fold the editor to its tabs)'
          }
          onClick={() => setMaximized(!maximized)}
        >
          <span aria-hidden="true">{maximized ? '▾' : '▴'}</span>
        </button>
      </div>
      <div
        id={`panel-${slug(tab)}`}
        role="tabpanel"
        aria-labelledby={`tab-${slug(tab)}`}
        className="tabpanel"
      >
        {PANELS[tab]()}
      </div>
    </div>
  );
}
