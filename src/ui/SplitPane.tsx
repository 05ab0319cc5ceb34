import { type ReactNode, useCallback, useRef, useState } from 'react';

interface SplitPaneProps {
  readonly first: ReactNode;
  readonly second: ReactNode;
  /** Stacked top and bottom instead of side by side. */
  readonly vertical?: boolean;
  /** The share of the first pane, 0–1, before the user moves the divider. */
  readonly initial: number;
  /** Where the divider's position is remembered between visits. */
  readonly storageKey: string;
  readonly className?: string;
  /**
   * The first pane shrinks to the height (or width) of what stays shown in it (a tab bar) and
   * the second takes the rest; the divider goes until it unfolds.
   */
  readonly folded?: boolean;
}

/** Two panes with a divider the user can drag (or move with the arrow keys). */
export function SplitPane({
  first,
  second,
  vertical = false,
  initial,
  storageKey,
  className,
  folded = false,
}: SplitPaneProps) {
  const [share, setShare] = useState(() => {
    const saved = Number(window.localStorage.getItem(storageKey));
    return saved > 0.1 && saved < 0.9 ? saved : initial;
  });
  const container = useRef<HTMLDivElement>(null);

  const remember = useCallback(
    (next: number) => {
      const clamped = Math.min(0.85, Math.max(0.15, next));
      setShare(clamped);
      window.localStorage.setItem(storageKey, String(clamped));
    },
    [storageKey],
  );

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) =>
      remember(vertical ? (e.clientY - box.top) / box.height : (e.clientX - box.left) / box.width);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    if (event.key === (vertical ? 'ArrowUp' : 'ArrowLeft')) remember(share - step);
    else if (event.key === (vertical ? 'ArrowDown' : 'ArrowRight')) remember(share + step);
  };

  const basis = `${(share * 100).toFixed(2)}%`;
  return (
    <div
      ref={container}
      className={`split ${vertical ? 'split-vertical' : 'split-horizontal'} ${className ?? ''}`}
    >
      <div className="split-pane" style={folded ? { flex: '0 0 auto' } : { flexBasis: basis }}>
        {first}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a draggable divider has no semantic element; role separator is the ARIA pattern. */}
      <div
        className="split-divider"
        role="separator"
        aria-orientation={vertical ? 'horizontal' : 'vertical'}
        aria-valuenow={Math.round(share * 100)}
        aria-valuemin={15}
        aria-valuemax={85}
        tabIndex={0}
        hidden={folded}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane split-rest">{second}</div>
    </div>
  );
}
