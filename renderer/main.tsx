/** Renderer entry: find the bridge, then mount the app (or say how to open it properly). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { connectBridge } from './bridge/index.js';
import { BridgeContext } from './use-bridge.js';
import './styles.css';

const bridge = connectBridge();
const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    {bridge ? (
      <BridgeContext.Provider value={bridge}>
        <App />
      </BridgeContext.Provider>
    ) : (
      <main className="no-bridge">
        <h1>Entra Audit Desktop</h1>
        <p>
          This page needs its access token. Open the full link that <code>entra-audit ui</code> printed.
        </p>
      </main>
    )}
  </StrictMode>,
);
