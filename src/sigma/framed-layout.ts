/**
 * graphology's ForceAtlas2 supervisor, writing positions into the graph at
 * most once per frame. The worker answers every iteration, often several
 * times per frame; each write makes sigma reprocess every node, so between
 * two frames only the latest positions are written (the worker keeps
 * iterating meanwhile, on its own copy). Stopping writes what is pending.
 *
 * It relies on the supervisor's internals (graphology-layout-forceatlas2
 * 0.10, worker.js): `running`, `graph`, `matrices.nodes` (10 numbers per node,
 * x and y first, in the graph's node order) and `askForIterations`.
 */
import type Graph from "graphology";
import type { ForceAtlas2LayoutParameters } from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";

/** Numbers per node in the supervisor's node matrix. */
const PER_NODE = 10;

interface Internals {
  running: boolean;
  graph: Graph;
  matrices: { nodes: Float32Array };
  askForIterations(): void;
}

export class FramedFA2Layout extends FA2LayoutSupervisor {
  private latest: Float32Array | null = null;
  private frame = 0;

  constructor(graph: Graph, params?: ForceAtlas2LayoutParameters) {
    super(graph, params);
  }

  /** Replaces the supervisor's: keeps the positions for the next frame instead of writing them now. */
  handleMessage(event: MessageEvent<{ nodes: ArrayBuffer }>): void {
    const self = this as unknown as Internals;
    if (!self.running) return;
    const matrix = new Float32Array(event.data.nodes);
    // The matrix's buffer goes back to the worker with the next request: the frame writes a copy.
    this.latest = matrix.slice();
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.write());
    self.matrices.nodes = matrix;
    self.askForIterations();
  }

  override stop(): void {
    this.write();
    super.stop();
  }

  override kill(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.latest = null;
    super.kill();
  }

  private write(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const matrix = this.latest;
    if (!matrix) return;
    this.latest = null;
    let i = 0;
    (this as unknown as Internals).graph.updateEachNodeAttributes(
      (_node, attributes) => {
        attributes.x = matrix[i]!;
        attributes.y = matrix[i + 1]!;
        i += PER_NODE;
        return attributes;
      },
      { attributes: ["x", "y"] },
    );
  }
}
