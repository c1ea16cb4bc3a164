import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

function Placeholder() {
  return <p>Loading…</p>;
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
