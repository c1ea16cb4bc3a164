/** How the graph is drawn: programs, labels, camera limits. Shared with the benchmark's floor page. */
import type { Settings } from "sigma/settings";
import { edgeProgramClasses } from "./programs";

// Module-level, so the settings object never changes identity and sigma is never re-created.
export const SETTINGS: Partial<Settings> = {
  allowInvalidContainer: true,
  defaultEdgeType: "straightArrow",
  edgeProgramClasses,
  renderEdgeLabels: true,
  enableEdgeEvents: true,
  zIndex: true,
  labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  labelSize: 13,
  labelWeight: "600",
  labelColor: { color: "#1f2933" },
  labelDensity: 0.5,
  labelGridCellSize: 140,
  labelRenderedSizeThreshold: 8,
  edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  edgeLabelSize: 11,
  edgeLabelColor: { color: "#3e4c59" },
  stagePadding: 40,
  minCameraRatio: 0.03,
  maxCameraRatio: 8,
};
