import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../../tests/e2e/chromium";
import { serveDirectory } from "./server";
import { openPage, load } from "./measure";
import { writeFileSync, readFileSync } from "node:fs";
import { summarize } from "../cpuprofile";

const size = process.argv[2] ?? "1000";
const kind = process.argv[3] ?? "floor";
const what = process.argv[4] ?? "hover";
const server = await serveDirectory("/tmp/kgb-dev/site");
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS] });
const errors: string[] = [];
const { context, page, cdp } = await openPage(browser, errors);
const url = `${server.url}${kind}-${size}/` + (kind === "floor" ? "?w=800&h=600" : "");
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
if (what === "load") await cdp.send("Profiler.start");
const r = await load(page, url, 300000);
console.log("loaded", r);
const g = JSON.parse(readFileSync(`/tmp/kgb-dev/graph-${size}.json`, "utf8"));
const hub = [...g.nodes].sort((a: any, b: any) => b.attributes.degree - a.attributes.degree)[0].key;
if (what !== "load") {
  await cdp.send("Profiler.start");
  const res = await page.evaluate(async ({ hub, what }) => {
    const B = (window as any).__bench;
    await B.quiet(300, 10000);
    if (what === "hover") return [await B.change("hover", hub), (await B.quiet(300, 60000), await B.change("hover", null))];
    if (what === "filter") return [await B.change("families", ["cooperation", "neutral"]), (await B.quiet(300, 60000), await B.change("families", null))];
    if (what === "time") return [await B.change("time", ["2010", "2014"]), (await B.quiet(300, 60000), await B.change("time", [null, null]))];
  }, { hub, what });
  console.log(res);
}
const { profile } = await cdp.send("Profiler.stop");
writeFileSync(`/tmp/kgb-dev/prof-${kind}-${size}-${what}.cpuprofile`, JSON.stringify(profile));
console.log(summarize(profile as any, 30));
await context.close();
await browser.close();
await server.close();
