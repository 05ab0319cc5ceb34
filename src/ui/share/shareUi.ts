import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { SharedDesign } from '../../share/shareLink.ts';

/**
 * The share dialogs' own state, apart from the designer store: which is open, and a design
 * from a link waiting for the user's answer. Module-level, as the toolbar, the palette and the
 * start of the app all reach it.
 */
export interface ShareUiState {
  /** The Share dialog is open. */
  readonly sharing: boolean;
  /** A link's design that would replace edited work: the user is asked first. */
  readonly incoming: SharedDesign | null;
}

export const shareUi = createStore<ShareUiState>()(() => ({ sharing: false, incoming: null }));

export function openShareDialog(): void {
  shareUi.setState({ sharing: true });
}

export function useShareUi<T>(selector: (state: ShareUiState) => T): T {
  return useStore(shareUi, selector);
}
