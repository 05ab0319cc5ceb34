import type { Diagnostic, Severity } from '../../workspace/diagnostics.ts';
import type { FileModels } from './fileModels.ts';
import { MARKER_OWNER, markersFor } from './markers.ts';
import { monaco } from './monaco.ts';

const SEVERITY: Record<Severity, number> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

/**
 * Shows the problems (syntax errors and the checks' findings) as markers on the
 * models, under their own owner so monaco-yaml's schema markers stay beside them.
 */
export function showDiagnostics(models: FileModels, diagnostics: readonly Diagnostic[]): void {
  for (const [file, model] of models.entries()) {
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markersFor(diagnostics, file).map(({ link, code, ...m }) => ({
        ...m,
        code: link ? { value: code, target: uriOf(link) } : code,
        severity: SEVERITY[m.severity],
      })),
    );
  }
}

/** Each code's documentation link, parsed once: thousands of findings share a few dozen. */
const uris = new Map<string, ReturnType<typeof monaco.Uri.parse>>();

function uriOf(link: string) {
  let uri = uris.get(link);
  if (!uri) {
    uri = monaco.Uri.parse(link);
    uris.set(link, uri);
  }
  return uri;
}
