/**
 * How the graph is drawn: programs, labels, camera limits. Shared with the
 * benchmark's floor page, which keeps sigma's own label drawing; the app
 * replaces it with its label layer (rendering.ts, labels.ts).
 */
import type { Settings } from "sigma/settings";
import { CAMERA_LIMITS } from "../model/view-state";
import { edgeProgramClasses } from "./programs";

export const LABEL_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

// Module-level, so the settings object never changes identity and sigma is never re-created.
export const SETTINGS: Partial<Settings> = {
  allowInvalidContainer: true,
  defaultEdgeType: "straightArrow",
  edgeProgramClasses,
  renderEdgeLabels: true,
  enableEdgeEvents: true,
  zIndex: true,
  labelFont: LABEL_FONT,
  labelSize: 13,
  labelWeight: "600",
  labelColor: { color: "#1f2933" },
  labelDensity: 0.5,
  labelGridCellSize: 140,
  labelRenderedSizeThreshold: 8,
  edgeLabelFont: LABEL_FONT,
  edgeLabelSize: 11,
  edgeLabelColor: { color: "#3e4c59" },
  stagePadding: 24,
  // Sizes are in the units of positions, so a layout without overlaps has none on any screen or at any closer zoom.
  itemSizesReference: "positions",
  minCameraRatio: CAMERA_LIMITS.minRatio,
  maxCameraRatio: CAMERA_LIMITS.maxRatio,
};
