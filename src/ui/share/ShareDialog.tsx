import { useEffect, useId, useMemo, useState } from 'react';
import { encodeShare, SHARE_LIMIT_BYTES } from '../../share/shareLink.ts';
import { joinedYaml } from '../../workspace/exportFiles.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import { download } from '../toolbar/download.ts';
import { useModalDialog } from '../useModalDialog.ts';
import { currentDesign } from './sharedLink.ts';

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * "Share…": the design as a link whose fragment holds it, copied to the clipboard and shown to
 * select. A design too large for a link is said to be so, with the file export offered instead.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const dialog = useModalDialog();
  const ids = { title: useId(), link: useId() };
  // The design when the dialog opened: what the link says does not change under the user.
  const [design] = useState(() => currentDesign(store.getState()));
  const encoded = useMemo(() => encodeShare(design), [design]);
  const link = encoded.ok
    ? `${window.location.origin}${window.location.pathname}#${encoded.fragment}`
    : '';
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  useEffect(() => {
    if (!link) return;
    navigator.clipboard.writeText(link).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  }, [link]);

  const files = design.files.length;
  const unparsed = Object.keys(store.getState().drafts);
  const tests = design.savedTests.length;
  const what = `${files} file${files === 1 ? '' : 's'} and ${tests} saved test${tests === 1 ? '' : 's'}`;

  return (
    <dialog
      ref={dialog}
      className="dialog share-dialog"
      aria-labelledby={ids.title}
      onClose={onClose}
    >
      <form method="dialog" onSubmit={(e) => e.preventDefault()}>
        <h2 id={ids.title}>Share this design</h2>
        {encoded.ok ? (
          <>
            <p className="hint">
              The link holds the whole design ({what}, {kb(encoded.bytes)} compressed) after its{' '}
              <code>#</code>: browsers never send that part to a server, so nothing is uploaded.
              Whoever opens it sees this design; the app asks before it replaces their own work.
            </p>
            {unparsed.length > 0 && (
              <p className="hint">
                {unparsed.join(', ')} {unparsed.length === 1 ? 'has' : 'have'} YAML errors: the link
                carries the text as typed, errors included.
              </p>
            )}
            <label htmlFor={ids.link}>Link</label>
            <textarea
              id={ids.link}
              className="share-link"
              readOnly
              rows={4}
              value={link}
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
            <p role="status" className="hint">
              {copied === 'yes'
                ? 'Copied to the clipboard.'
                : copied === 'no'
                  ? 'The browser did not allow copying: select the link and copy it.'
                  : ''}
            </p>
          </>
        ) : (
          <p role="alert">
            This design is too large for a link: {kb(encoded.bytes)} compressed, and a link carries
            at most {kb(SHARE_LIMIT_BYTES)}. Export it as a file and send the file instead.
          </p>
        )}
        <div className="dialog-buttons">
          {encoded.ok ? (
            <button
              type="button"
              onClick={() =>
                navigator.clipboard.writeText(link).then(
                  () => setCopied('yes'),
                  () => setCopied('no'),
                )
              }
            >
              Copy link
            </button>
          ) : (
            <button
              type="button"
              onClick={() =>
                download(
                  'manifests.yaml',
                  joinedYaml(store.getState().workspace),
                  'application/yaml',
                )
              }
            >
              Download YAML
            </button>
          )}
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </form>
    </dialog>
  );
}
