/** Animates the camera to an actor when the state asks for it (search, panel links). */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import { store } from "../state";
import { cameraToNode } from "./camera";

export function CameraRequests() {
  const sigma = useSigma();
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        const request = state.cameraRequest;
        if (request && request !== prev.cameraRequest) void cameraToNode(sigma, request.node);
      }),
    [sigma],
  );
  return null;
}
