import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDesignerStore } from '../store/designerStore.ts';
import { loadSaved, openingState, persist } from '../store/persistence.ts';
import { EXAMPLE } from '../workspace/example.ts';
import { App } from './App.tsx';
import { DesignerProvider } from './StoreContext.tsx';
import { DARK_SCHEME } from './useMediaQuery.ts';
import './styles.css';

const saved = loadSaved(window.localStorage);
// The theme follows the system's until the user picks one (a saved choice wins).
const systemTheme = window.matchMedia(DARK_SCHEME).matches ? 'dark' : 'light';
const store = createDesignerStore({
  ...openingState(saved, EXAMPLE),
  systemTheme,
});
persist(store, window.localStorage, undefined, window);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DesignerProvider store={store}>
        <App />
      </DesignerProvider>
    </StrictMode>,
  );
}
