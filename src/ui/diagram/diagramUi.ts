import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Whether "Export diagram…" is open: its own small store, reached from the menu and the palette. */
export const diagramUi = createStore<{ readonly open: boolean }>()(() => ({ open: false }));

export function openDiagramDialog(): void {
  diagramUi.setState({ open: true });
}

export function useDiagramDialogOpen(): boolean {
  return useStore(diagramUi, (s) => s.open);
}
