/**
 * Whether a key event's target is where the user types: a form field, or Monaco, whose input
 * is an EditContext `<div>` with no `contenteditable` (judging by the tag alone is how React
 * Flow once took every Space typed in the editor). Shortcuts give such targets their keys.
 */
export function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null
  );
}
