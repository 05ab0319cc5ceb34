import { useEffect, useRef } from 'react';
import { useDesignerStore } from '../StoreContext.tsx';
import { FileTabs } from './FileTabs.tsx';
import { openManifestEditor } from './manifestSession.ts';
import './editor.css';

/**
 * The Manifests pane: file tabs over a Monaco editor whose text, markers and selection follow
 * the store both ways. Loaded lazily by App (Monaco is most of the app's weight), so this is
 * the module that pulls Monaco in.
 */
export default function ManifestEditor() {
  const store = useDesignerStore();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return undefined;
    return openManifestEditor(container.current, store);
  }, [store]);

  return (
    <div className="manifest-editor">
      <FileTabs />
      <div ref={container} className="manifest-editor-host" data-testid="manifest-editor" />
    </div>
  );
}
