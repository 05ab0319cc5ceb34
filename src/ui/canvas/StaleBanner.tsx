import { selectIsStale } from '../../store/selectors.ts';
import { useDesigner } from '../StoreContext.tsx';

/**
 * Says so while the editor's text does not parse and the graph shows the last version that did.
 * The live region is always in the page, so screen readers announce the message when it appears.
 */
export function StaleBanner() {
  const stale = useDesigner(selectIsStale);
  return (
    <div role="status" className="canvas-status">
      {stale && <p className="canvas-stale">YAML has errors — showing the last valid version</p>}
    </div>
  );
}
