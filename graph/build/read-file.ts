/**
 * Reads a file only when it is a regular file of at most a given size. A named
 * pipe would block the build forever and a device (a symbolic link to
 * /dev/zero) never ends, so the kind and the size are checked on the open
 * descriptor before a byte is read, and the read stops at the limit even if
 * the file grows meanwhile.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { describeFsError, fileKind, formatSize } from "./fs-errors";

export type FileRead = { ok: true; bytes: Buffer } | { ok: false; message: string };

/** Opening a named pipe without O_NONBLOCK waits for a writer; with it, open returns at once (and fstat tells). */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

export function tooLargeMessage(size: number, maxBytes: number): string {
  return `file is ${formatSize(size)}, over the limit of ${formatSize(maxBytes)} per file`;
}

export function readRegularFile(path: string, maxBytes: number): FileRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    return { ok: false, message: `cannot read file: ${describeFsError(err)}` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, message: `not a regular file but ${fileKind(stats)}; only regular files are read` };
    if (stats.size > maxBytes) return { ok: false, message: tooLargeMessage(stats.size, maxBytes) };
    // Read until the end of the file, which may have grown since fstat, but never past the limit.
    let buf = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (length > maxBytes) return { ok: false, message: tooLargeMessage(length, maxBytes) };
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { ok: true, bytes: buf.subarray(0, length) };
  } catch (err) {
    return { ok: false, message: `cannot read file: ${describeFsError(err)}` };
  } finally {
    closeSync(fd);
  }
}
