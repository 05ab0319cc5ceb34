/** Saved test requests (filled in once the simulator's saved-test engine lands). */
export function SavedTests() {
  return null;
}
