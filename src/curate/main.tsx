/** The curation studio's page (/curate of the dev server; never part of the built app). */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Studio } from "./Studio";
import "../styles.css";
import "./curate.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Studio />
  </StrictMode>,
);
