/** Placeholder: the Monaco editor is being built. */
export default function ManifestEditor() {
  return <div className="editor" />;
}
