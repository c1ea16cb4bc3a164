/**
 * Filesystem errors and file kinds in words, for one-line messages that name
 * the cause ("permission denied (EACCES)") instead of printing a stack trace.
 */
import type { Stats } from "node:fs";

const CAUSES = new Map<string, string>([
  ["ENOENT", "no such file or directory"],
  ["EACCES", "permission denied"],
  ["EPERM", "operation not permitted"],
  ["EISDIR", "it is a directory"],
  ["ENOTDIR", "a part of the path is not a directory"],
  ["EEXIST", "a file is in the way"],
  ["ENOSPC", "no space left on the device"],
  ["EDQUOT", "disk quota exceeded"],
  ["EFBIG", "file too large (over the file-size limit)"],
  ["EROFS", "read-only file system"],
  ["ELOOP", "too many levels of symbolic links"],
  ["ENAMETOOLONG", "file name too long"],
  ["EMFILE", "too many open files"],
  ["ENFILE", "too many open files in the system"],
  ["EIO", "input/output error"],
  ["EBUSY", "resource busy"],
  ["ETXTBSY", "file busy"],
  ["EXDEV", "not on the same file system"],
  ["ENXIO", "no such device"],
  ["ENODEV", "no such device"],
  ["EAGAIN", "resource temporarily unavailable"],
]);

/** The error code of a Node.js filesystem error, or undefined for anything else. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** "permission denied (EACCES)": the cause of a filesystem error, in words and by its code. */
export function describeFsError(err: unknown): string {
  const code = errorCode(err);
  if (code === undefined) return err instanceof Error ? err.message.split("\n")[0]! : String(err);
  const words = CAUSES.get(code);
  if (words) return `${words} (${code})`;
  // Node's own wording without its "CODE: " prefix and its ", open '/path'" suffix: the caller names the path.
  const message = String((err as Error).message ?? "").split("\n")[0]!;
  return `${message.replace(/^[A-Z0-9_]+: /, "").replace(/, \w+ '.*'$/, "")} (${code})`;
}

/** What a file that is not a regular file is: "a directory", "a named pipe (FIFO)", … */
export function fileKind(stats: Stats): string {
  if (stats.isFile()) return "a regular file";
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

/** Sizes as curators read them: "20 MB", "52.4 MB", "310 KB", "12 bytes" (1 MB = 1024 × 1024 bytes). */
export function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${Number.isInteger(bytes / MB) ? bytes / MB : (bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? "" : "s"}`;
}
