import { type RefObject, useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown modal while the component is mounted (focus trapped, Escape closes it
 * through its `onClose`), closed when it unmounts. Returns the ref to put on the element.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return dialog;
}
