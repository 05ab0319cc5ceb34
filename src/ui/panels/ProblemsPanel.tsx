import { selectDiagnostics } from '../../store/selectors.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';

/** Every diagnostic, grouped by file; clicking one shows its place in the editor. */
export function ProblemsPanel() {
  const store = useDesignerStore();
  const diagnostics = useDesigner(selectDiagnostics);
  const files = [...new Set(diagnostics.map((d) => d.file))];

  return (
    <section aria-label="Problems" className="problems">
      {diagnostics.length === 0 && <p className="empty">No problems found.</p>}
      {files.map((file) => (
        <div key={file}>
          <h3>{file}</h3>
          <ul>
            {diagnostics
              .filter((d) => d.file === file)
              .map((d) => (
                <li
                  key={`${d.code}:${d.line}:${d.column}:${d.message}`}
                  data-code={d.code}
                  data-istio={d.istio}
                  data-severity={d.severity}
                >
                  <button
                    type="button"
                    onClick={() => store.getState().revealAt(d.file, d.line, d.column)}
                  >
                    <span className={`severity severity-${d.severity}`}>{d.severity}</span>
                    <span className="where">{`${d.file}:${d.line}:${d.column}`}</span>
                    <span className="message">{d.message}</span>
                    <span className="code">{d.istio ?? d.code}</span>
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
