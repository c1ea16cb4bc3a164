/** Connects the graph's rendering to the sigma instance on screen, for as long as both live. */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import type { Rendering } from "./rendering";

export function ReducerSync({ rendering }: { rendering: Rendering }) {
  const sigma = useSigma();
  useEffect(() => rendering.attach(sigma), [sigma, rendering]);
  return null;
}
