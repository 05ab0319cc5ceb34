import { type ReactNode, useState } from 'react';
import { selectDiagnostics } from '../../store/selectors.ts';
import { useDesigner } from '../StoreContext.tsx';
import { InspectorPanel } from './InspectorPanel.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SimulatePanel } from './SimulatePanel.tsx';

type PanelName = 'Problems' | 'Inspector' | 'Simulate request';

/** The tabbed panels under the editor. Selecting a node brings the inspector forward. */
export function BottomPanels() {
  const [tab, setTab] = useState<PanelName>('Problems');
  const problems = useDesigner((s) => selectDiagnostics(s).length);
  const selection = useDesigner((s) => s.selection);
  const origin = useDesigner((s) => s.selectionOrigin);
  const [lastSelection, setLastSelection] = useState(selection);
  if (selection !== lastSelection) {
    setLastSelection(selection);
    if (selection && origin === 'canvas') setTab('Inspector');
  }

  const panels: Record<PanelName, ReactNode> = {
    Problems: <ProblemsPanel />,
    Inspector: <InspectorPanel />,
    'Simulate request': <SimulatePanel />,
  };
  return (
    <div className="panels">
      <div role="tablist" aria-label="Panels" className="tabs">
        {(Object.keys(panels) as PanelName[]).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name.replace(' ', '-')}`}
            aria-label={name}
            aria-selected={tab === name}
            aria-controls={`panel-${name.replace(' ', '-')}`}
            onClick={() => setTab(name)}
          >
            {name}
            {name === 'Problems' && problems > 0 && <span className="badge">{problems}</span>}
          </button>
        ))}
      </div>
      <div
        id={`panel-${tab.replace(' ', '-')}`}
        role="tabpanel"
        aria-labelledby={`tab-${tab.replace(' ', '-')}`}
        className="tabpanel"
      >
        {panels[tab]}
      </div>
    </div>
  );
}
