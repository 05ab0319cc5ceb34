import { selectCanRedo, selectCanUndo } from '../../store/selectors.ts';
import { runCommand } from '../commands/runCommand.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { openShareDialog } from '../share/shareUi.ts';
import { ExportMenu } from './ExportMenu.tsx';

/** The top bar: workspace actions, history, layout, theme, and the last notice. */
export function Toolbar() {
  const store = useDesignerStore();
  const canUndo = useDesigner(selectCanUndo);
  const canRedo = useDesigner(selectCanRedo);
  const theme = useDesigner((s) => s.theme);
  const notice = useDesigner((s) => s.notice);
  const actions = store.getState();

  return (
    <header className="toolbar">
      <h1 className="brand">Istio Designer</h1>
      <nav aria-label="Workspace" className="toolbar-group">
        <button
          type="button"
          onClick={() => runCommand(store, 'workspace.new')}
          title="Start again from the example (undoable)"
        >
          New
        </button>
        <button type="button" onClick={() => actions.openDialog('import')}>
          Import
        </button>
        <ExportMenu />
        <button
          type="button"
          onClick={openShareDialog}
          title="A link that holds the whole design (nothing is uploaded)"
        >
          Share…
        </button>
      </nav>
      <nav aria-label="History" className="toolbar-group">
        <button
          type="button"
          onClick={() => actions.undo()}
          disabled={!canUndo}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => actions.redo()}
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
      </nav>
      <nav aria-label="Design" className="toolbar-group">
        <button
          type="button"
          onClick={() => actions.openDialog('scenario')}
          title="Insert a ready design (canary, header routing, HTTPS…) as one undo step"
        >
          Add scenario
        </button>
        <button
          type="button"
          onClick={() => actions.openDialog('convert')}
          title="Convert Ingress or Istio routing to the Gateway API, or back, with a proof by simulation"
        >
          Convert
        </button>
        <button
          type="button"
          onClick={() => actions.openDialog('compare')}
          title="What your edits change: resources, the requests whose answer changes, findings (against the workspace as opened, a file, or the last export)"
        >
          Compare…
        </button>
        <button
          type="button"
          onClick={() => actions.openDialog('palette')}
          title="Every command by name (Ctrl+K)"
        >
          Commands
        </button>
      </nav>
      <nav aria-label="View" className="toolbar-group">
        <button type="button" onClick={() => actions.requestLayout()}>
          Auto layout
        </button>
        <button
          type="button"
          aria-pressed={theme === 'dark'}
          onClick={() => actions.setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          Dark theme
        </button>
      </nav>
      {notice && (
        <div
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span title={notice.text}>{notice.text}</span>
          {notice.undoable && (
            <button
              type="button"
              aria-label="Undo this change"
              title="Undo this change (Ctrl+Z)"
              onClick={() => actions.undo()}
            >
              Undo
            </button>
          )}
          {notice.actions?.map((action) => (
            <button
              key={action.title}
              type="button"
              onClick={() => {
                if (actions.apply(action.command)) actions.notify(null);
              }}
            >
              {action.title}
            </button>
          ))}
          <button type="button" aria-label="Dismiss" onClick={() => actions.notify(null)}>
            ×
          </button>
        </div>
      )}
    </header>
  );
}
