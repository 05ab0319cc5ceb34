import { useEffect } from 'react';
import { EXAMPLE } from '../../workspace/example.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import { receiveLink } from './sharedLink.ts';
import { shareUi } from './shareUi.ts';

/** Takes the fragment out of the address bar without a navigation or a history entry. */
export function clearShareFragment(): void {
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
}

/**
 * Opens a share link the page was opened with, and one pasted into the address bar of the open
 * app (only the fragment changes then: no reload, a `hashchange`).
 */
export function useSharedLink(): void {
  const store = useDesignerStore();
  useEffect(() => {
    const receive = () =>
      receiveLink(
        store,
        {
          hash: window.location.hash,
          clearFragment: clearShareFragment,
          ask: (design) => shareUi.setState({ incoming: design, sharing: false }),
        },
        EXAMPLE,
      );
    receive();
    window.addEventListener('hashchange', receive);
    return () => window.removeEventListener('hashchange', receive);
  }, [store]);
}
