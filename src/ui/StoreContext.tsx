import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { DesignerActions, DesignerState, DesignerStore } from '../store/designerStore.ts';

const StoreContext = createContext<DesignerStore | null>(null);

/** Provides the one designer store to the component tree (a factory store, as zustand advises for testability). */
export function DesignerProvider({
  store,
  children,
}: {
  store: DesignerStore;
  children: ReactNode;
}) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useDesignerStore(): DesignerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useDesigner must be used inside <DesignerProvider>');
  return store;
}

/** Subscribes to a slice of the store; the component renders again only when the slice changes. */
export function useDesigner<T>(selector: (state: DesignerState & DesignerActions) => T): T {
  return useStore(useDesignerStore(), selector);
}
