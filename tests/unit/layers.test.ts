/**
 * The layer rules (.dependency-cruiser.cjs) catch what they promise: a tree
 * with one wrong import per rule fails the check, naming each rule. The real
 * tree is checked by `npm run lint:layers` in `npm test`.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEPCRUISE = join(ROOT, "node_modules/.bin/depcruise");

/** file → what it imports; each line breaks one rule (or none, for the allowed ones). */
const TREE: Record<string, string[]> = {
  "src/model/a.ts": ["../core/b"], // model-imports-nothing-of-ours
  "src/core/b.ts": ["../state/c"], // core-is-pure
  "src/state/c.ts": ["../sigma/d"], // state-below-rendering
  "src/sigma/d.ts": ["../views/e"], // sigma-below-views
  "src/views/e.ts": ["../../graph/f"], // app-never-needs-the-build
  "graph/f.ts": ["../src/state/g"], // build-needs-no-browser
  "src/state/g.ts": [],
  "src/core/h.ts": ["./i"], // no-circular
  "src/core/i.ts": ["./h"],
  "src/views/ok.ts": ["../sigma/ok", "../state/g", "../core/ok", "../model/ok"],
  "src/sigma/ok.ts": ["../state/g"],
  "src/core/ok.ts": ["../model/ok"],
  "src/model/ok.ts": [],
  "graph/ok.ts": ["../src/core/ok", "../src/model/ok"],
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the layer check", () => {
  it("fails on each kind of wrong import and names its rule, and lets the allowed ones through", () => {
    const dir = mkdtempSync(join(tmpdir(), "kg-layers-"));
    dirs.push(dir);
    for (const [file, imports] of Object.entries(TREE)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(
        join(dir, file),
        imports.map((i, n) => `import * as m${n} from "${i}";\nvoid m${n};\n`).join("") + "export const x = 1;\n",
      );
    }
    copyFileSync(join(ROOT, ".dependency-cruiser.cjs"), join(dir, ".dependency-cruiser.cjs"));
    writeFileSync(join(dir, "tsconfig.app.json"), JSON.stringify({ compilerOptions: { module: "ESNext", moduleResolution: "bundler" } }));
    const run = spawnSync(DEPCRUISE, ["src", "graph", "--config", ".dependency-cruiser.cjs", "--output-type", "err"], {
      cwd: dir,
      encoding: "utf8",
    });
    const out = run.stdout + run.stderr;
    expect(run.status, out).not.toBe(0);
    const rules = [
      ["model-imports-nothing-of-ours", "src/model/a.ts → src/core/b.ts"],
      ["core-is-pure", "src/core/b.ts → src/state/c.ts"],
      ["state-below-rendering", "src/state/c.ts → src/sigma/d.ts"],
      ["sigma-below-views", "src/sigma/d.ts → src/views/e.ts"],
      ["app-never-needs-the-build", "src/views/e.ts → graph/f.ts"],
      ["build-needs-no-browser", "graph/f.ts → src/state/g.ts"],
    ];
    for (const [rule, edge] of rules) expect(out, rule).toContain(`${rule}: ${edge}`);
    expect(out).toMatch(/no-circular: src\/core\/[hi]\.ts/);
    expect(out).not.toMatch(/: src\/(views|sigma|core)\/ok\.ts|: graph\/ok\.ts/);
  });
});
