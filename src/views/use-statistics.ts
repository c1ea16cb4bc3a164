/**
 * The statistics of the visible graph for a component that shows them: asked
 * for while it is mounted and `active`, never before the graph's first frame.
 */
import { useEffect } from "react";
import { useAppState } from "../state";
import { retainStatistics, selectStatistics, type StatisticsView } from "../state/statistics";
import { useAfterFirstFrame } from "./use-after-first-frame";

export function useStatistics(active = true): StatisticsView {
  const after = useAfterFirstFrame();
  useEffect(() => (active && after ? retainStatistics() : undefined), [active, after]);
  return useAppState(selectStatistics);
}
