import { useShallow } from 'zustand/react/shallow';
import { selectFileNames } from '../../store/selectors.ts';
import { usePanelMaximized } from '../panels/usePanelMaximized.ts';
import { useDesigner } from '../StoreContext.tsx';

/**
 * One tab per workspace file; a file whose text does not parse is marked. While the panels are
 * maximised the editor is folded to this bar: a tab, or "Show editor", unfolds it.
 */
export function FileTabs() {
  const files = useDesigner(useShallow(selectFileNames));
  const broken = useDesigner(useShallow((s) => Object.keys(s.drafts)));
  const active = useDesigner((s) => s.activeFile ?? files[0] ?? null);
  const setActiveFile = useDesigner((s) => s.setActiveFile);
  const setMaximized = useDesigner((s) => s.setPanelMaximized);
  const folded = usePanelMaximized();

  return (
    <div className="file-bar">
      <div role="tablist" aria-label="Manifest files" className="tabs file-tabs">
        {files.map((file) => (
          <button
            key={file}
            type="button"
            role="tab"
            aria-selected={file === active}
            title={broken.includes(file) ? `${file}: the YAML does not parse` : file}
            onClick={() => {
              setActiveFile(file);
              if (folded) setMaximized(false);
            }}
          >
            {file}
            {broken.includes(file) && (
              <span className="file-tab-broken" aria-hidden="true">
                !
              </span>
            )}
          </button>
        ))}
      </div>
      {folded && (
        <button type="button" className="file-bar-unfold" onClick={() => setMaximized(false)}>
          Show editor
        </button>
      )}
    </div>
  );
}
