/** Placeholder until the scenario templates land. */
export function ScenarioDialog({ onClose }: { onClose: () => void }) {
  void onClose;
  return null;
}
