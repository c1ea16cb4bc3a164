/**
 * The studio's access to the corpus directory: it reads and writes only
 * regular files inside it, reached without a symbolic link, and knows each
 * file by a version (a hash of its bytes) so that a change based on an old
 * read is refused instead of overwriting an edit made meanwhile.
 */
import { createHash } from "node:crypto";
import { lstatSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { describeFsError, errorCode, fileKind } from "../build/fs-errors";
import { YAML_LIMITS } from "../build/located-yaml";
import { readRegularFile } from "../build/read-file";
import { writeAtomically } from "../build/write";
import type { FileVersion } from "./protocol";

/** A request the studio will not carry out, with the reason for the curator. */
export class RefusedError extends Error {
  override name = "RefusedError";
}

/** Names that may become a file name: an article id like the corpus's ("004_7f7b37a8c87dad85"). */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The file name an id gives, or a refusal that says why. */
export function fileNameOf(id: string, what: string): string {
  if (typeof id !== "string" || id.includes("/") || id.includes("\\") || id.includes("..") || id.includes("\0"))
    throw new RefusedError(`${what} ${JSON.stringify(String(id)).slice(0, 120)} would name a file outside the corpus directory`);
  if (!SAFE_ID.test(id))
    throw new RefusedError(
      `${what} ${JSON.stringify(id).slice(0, 120)} is not a valid id (letters, digits, ".", "_" and "-", at most 100)`,
    );
  return `${id}.yaml`;
}

export function versionOf(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 20);
}

export class CorpusFiles {
  /** The corpus directory with every symbolic link of its own path resolved. */
  readonly root: string;

  constructor(dir: string) {
    try {
      this.root = realpathSync(dir);
    } catch (err) {
      throw new RefusedError(`corpus directory ${dir}: ${describeFsError(err)}`);
    }
  }

  /**
   * The absolute path of `rel` (relative to the corpus), refused when it
   * leaves the corpus, passes through a symbolic link or a non-directory, or
   * is something other than a YAML file or a new path.
   */
  resolve(rel: string): string {
    if (isAbsolute(rel) || rel.split(/[\\/]/).some((part) => part === ".." || part === "." || part === ""))
      throw new RefusedError(`${rel} is outside the corpus directory`);
    if (!/\.yaml$/.test(rel)) throw new RefusedError(`${rel}: the studio writes only .yaml files`);
    const abs = resolve(this.root, rel);
    const back = relative(this.root, abs);
    if (back.startsWith("..") || isAbsolute(back)) throw new RefusedError(`${rel} is outside the corpus directory`);
    let at = this.root;
    const parts = back.split(sep);
    parts.forEach((part, i) => {
      at = join(at, part);
      let stats;
      try {
        stats = lstatSync(at);
      } catch (err) {
        if (errorCode(err) === "ENOENT") return;
        throw new RefusedError(`${rel}: ${describeFsError(err)}`);
      }
      if (stats.isSymbolicLink())
        throw new RefusedError(`${rel}: ${relative(this.root, at)} is a symbolic link; the studio writes only inside the corpus directory`);
      const last = i === parts.length - 1;
      if (last && !stats.isFile()) throw new RefusedError(`${rel} is ${fileKind(stats)}, not a regular file`);
      if (!last && !stats.isDirectory())
        throw new RefusedError(`${rel}: ${relative(this.root, at)} is ${fileKind(stats)}, not a directory`);
    });
    return abs;
  }

  /** The file's text and version; null text for a file that does not exist. */
  read(rel: string): { text: string | null; version: FileVersion } {
    const abs = this.resolve(rel);
    const read = readRegularFile(abs, YAML_LIMITS.maxBytes);
    if (!read.ok) {
      if (/\(ENOENT\)/.test(read.message)) return { text: null, version: null };
      throw new RefusedError(`${rel}: ${read.message}`);
    }
    return { text: read.bytes.toString("utf8"), version: versionOf(read.bytes) };
  }

  /** Writes atomically (a temporary file beside it, then a rename), never outside the corpus. */
  async write(rel: string, text: string): Promise<void> {
    const abs = this.resolve(rel);
    await writeAtomically(abs, text, { temporaryBeside: true });
  }

  /** `abs` relative to the corpus, or null when it lies outside. */
  relativeOf(abs: string): string | null {
    let real = abs;
    try {
      real = realpathSync(abs);
    } catch {
      // A removed file: its own path will do.
    }
    const rel = relative(this.root, real);
    return rel.startsWith("..") || isAbsolute(rel) ? null : rel.split(sep).join("/");
  }
}
