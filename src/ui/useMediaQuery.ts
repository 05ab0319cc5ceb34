import { useSyncExternalStore } from 'react';

/** The system's dark setting (`prefers-color-scheme`). */
export const DARK_SCHEME = '(prefers-color-scheme: dark)';

/** Whether a CSS media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}
