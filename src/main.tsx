import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { loadBuiltGraph } from "./state/load-graph";
import { App } from "./views/App";
import "./styles.css";

// Fetch and check the graph while React renders the page around it.
void loadBuiltGraph().catch(() => {});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
