import { type RefObject, useEffect } from 'react';

/** Calls `close` on a mouse press outside `ref` while `open`: how menus dismiss themselves. */
export function useOutsideClick(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  close: () => void,
): void {
  useEffect(() => {
    if (!open) return;
    const onPress = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) close();
    };
    window.addEventListener('mousedown', onPress);
    return () => window.removeEventListener('mousedown', onPress);
  }, [ref, open, close]);
}
