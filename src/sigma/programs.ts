/** The edge programs named by `edgeProgramType`. */
import { createEdgeCurveProgram, EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import { EdgeArrowProgram, EdgeRectangleProgram } from "sigma/rendering";

export const edgeProgramClasses = {
  straightArrow: EdgeArrowProgram,
  straightLine: EdgeRectangleProgram,
  curvedArrow: EdgeCurvedArrowProgram,
  curvedLine: createEdgeCurveProgram({ arrowHead: null }),
};
