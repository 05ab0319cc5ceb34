import { OpenSharedDialog } from './OpenSharedDialog.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { shareUi, useShareUi } from './shareUi.ts';
import { useSharedLink } from './useSharedLink.ts';

/** The share link's dialogs, and the link the app was opened with. */
export function ShareDialogs() {
  useSharedLink();
  const sharing = useShareUi((s) => s.sharing);
  const incoming = useShareUi((s) => s.incoming);
  if (incoming)
    return (
      <OpenSharedDialog design={incoming} onClose={() => shareUi.setState({ incoming: null })} />
    );
  return sharing ? <ShareDialog onClose={() => shareUi.setState({ sharing: false })} /> : null;
}
