import { DiagramDialog } from './DiagramDialog.tsx';
import { diagramUi, useDiagramDialogOpen } from './diagramUi.ts';

/** The diagram export's dialog while it is open. */
export function DiagramDialogs() {
  const open = useDiagramDialogOpen();
  return open ? <DiagramDialog onClose={() => diagramUi.setState({ open: false })} /> : null;
}
