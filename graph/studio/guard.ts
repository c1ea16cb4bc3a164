/**
 * Who may use the studio's write API: a page of this dev server, in a
 * browser on this machine. Each request is checked, whatever the server
 * listens on:
 *
 * - it comes over the loopback interface (127.0.0.0/8 or ::1);
 * - its Host is localhost, 127.0.0.1 or [::1] (a DNS-rebinding page has its
 *   own host name there);
 * - its Origin, when there is one, is this very host (another site's page,
 *   even one on localhost at another port, is refused); a write must carry
 *   one, and a `Sec-Fetch-Site` other than same-origin is refused;
 * - a write is JSON (`Content-Type: application/json`), which a plain HTML
 *   form cannot send across sites without the browser asking first.
 */
import type { IncomingMessage } from "node:http";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, "");
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** Whether a host the server was told to listen on keeps it on this machine (undefined: Vite's default, localhost). */
export function isLoopbackHost(host: string | boolean | undefined): boolean {
  if (host === undefined || host === false) return true;
  if (host === true) return false;
  return host === "localhost" || isLoopbackAddress(host);
}

/** "localhost" from "localhost:5173", "[::1]" from "[::1]:5173"; null when malformed. */
function hostName(host: string): string | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host);
  return m ? m[1]!.toLowerCase() : null;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Why the request is refused, or null when it may go on. */
export function refusal(req: IncomingMessage): string | null {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return "the studio answers only requests from this machine";
  const host = header(req, "host");
  const name = host ? hostName(host) : null;
  if (!host || !name || !LOOPBACK_HOSTS.has(name))
    return `the studio answers only at localhost, 127.0.0.1 or [::1], not at host ${JSON.stringify(host ?? "")}`;
  const origin = header(req, "origin");
  const write = req.method !== "GET" && req.method !== "HEAD";
  if (origin !== undefined && origin !== `http://${host}`)
    return `requests from ${JSON.stringify(origin)} are refused: only the studio's own page may use this API`;
  if (write && origin === undefined) return "a change must come from the studio's page (it has no Origin)";
  const site = header(req, "sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") return `cross-site requests (${site}) are refused`;
  if (write && !/^application\/json(\s*;|$)/i.test(header(req, "content-type") ?? "")) return "a change must be sent as application/json";
  return null;
}
