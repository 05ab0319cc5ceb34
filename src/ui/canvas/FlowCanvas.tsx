/** Placeholder: the React Flow canvas is being built. */
export function FlowCanvas() {
  return <div className="canvas" />;
}
