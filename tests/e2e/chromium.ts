/**
 * Finding (and, on a fresh root machine, installing) the Chromium that the
 * end-to-end tests drive through playwright-core.
 *
 * Order: $CHROMIUM_PATH, $CHROME_PATH, the usual install paths, then PATH.
 * When none is found and we are root with apt-get, Debian's `chromium` package
 * is installed (once, from the e2e global setup) and the search runs again.
 * Otherwise the error says how to get one.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Environment variables naming a browser binary, in priority order. */
export const CHROMIUM_ENV_VARS = ["CHROMIUM_PATH", "CHROME_PATH"] as const;

/** Where Chromium / Chrome usually live, in priority order. */
export const CHROMIUM_INSTALL_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/opt/google/chrome/chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
] as const;

/** Names looked up on PATH when no install path matched. */
export const CHROMIUM_PATH_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"] as const;

/**
 * Launch flags. Headless and as root in a container: no sandbox, /tmp instead
 * of a small /dev/shm. WebGL must keep working without a GPU, so it runs on
 * ANGLE's SwiftShader (software) backend instead of being disabled. No
 * background traffic, so "no request leaves the app's origin" stays checkable.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--no-sandbox",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const INSTALL_HELP =
  "Install one, for example on Debian/Ubuntu:\n" +
  "    sudo apt-get update && sudo apt-get install -y chromium\n" +
  "(.ci/run does this when it runs as root), or point the tests at an existing\n" +
  "Chromium or Chrome binary:\n" +
  "    CHROMIUM_PATH=/path/to/chromium npm test";

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on PATH, or undefined. */
export function whichSync(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Looks for a browser without installing anything.
 * A browser named by $CHROMIUM_PATH / $CHROME_PATH must exist: a wrong value is
 * an error, not something to silently fall back from.
 */
export function locateChromium(): string | undefined {
  for (const name of CHROMIUM_ENV_VARS) {
    const value = process.env[name];
    if (!value) continue;
    if (isExecutableFile(value)) return value;
    throw new Error(
      `${name}=${value} is not an executable file.\n` +
        `Set ${name} to a Chromium or Chrome binary, or unset it to search the usual places.\n\n` +
        INSTALL_HELP,
    );
  }
  for (const path of CHROMIUM_INSTALL_PATHS) {
    if (isExecutableFile(path)) return path;
  }
  for (const name of CHROMIUM_PATH_NAMES) {
    const found = whichSync(name);
    if (found) return found;
  }
  return undefined;
}

function canInstallWithApt(): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && whichSync("apt-get") !== undefined;
}

/**
 * The path of a Chromium or Chrome to drive. When there is none and we are
 * root with apt-get, installs Debian's `chromium` (output to the console) and
 * looks again. Throws an Error that says how to get one otherwise.
 */
export function findChromium(): string {
  const found = locateChromium();
  if (found) return found;

  const searched =
    `Looked at $${CHROMIUM_ENV_VARS.join(", $")}, ${CHROMIUM_INSTALL_PATHS.join(", ")} ` +
    `and for ${CHROMIUM_PATH_NAMES.join(", ")} on PATH.`;

  if (canInstallWithApt()) {
    console.log("e2e: no Chromium found; installing Debian's chromium package with apt-get…");
    const result = spawnSync("sh", ["-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = locateChromium();
    if (installed) {
      console.log(`e2e: installed ${installed}`);
      return installed;
    }
    const how = result.error
      ? `failed: ${result.error.message}`
      : result.status === 0
        ? "succeeded, but it is in none of these places"
        : `failed with ${result.status === null ? `signal ${result.signal}` : `exit status ${result.status}`}`;
    throw new Error(
      `No Chromium or Chrome found for the end-to-end tests; installing Debian's chromium package ${how}.\n` +
        `${searched}\n\n${INSTALL_HELP}`,
    );
  }

  throw new Error(`No Chromium or Chrome found for the end-to-end tests.\n${searched}\n\n${INSTALL_HELP}`);
}
