/** Placeholder screen until the designer (issue 3) lands: says what the app is. */
export function App() {
  return (
    <main>
      <h1>Istio Designer</h1>
      <p>
        Design and debug Istio ingress traffic as an editable graph. The designer screen is on its
        way.
      </p>
    </main>
  );
}
