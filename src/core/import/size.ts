/**
 * File sizes, said as people say them: "50 MB", "1.5 MB", "800 kB" (decimal
 * units, as file managers show them), and the check against the open limit.
 */

/** UTF-8 length without encoding the whole text into a buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * `bytes` in kB or MB with at most one decimal, and none when it is zero:
 * "50 MB", "50.1 MB", "120 MB". `round` says which way (up for a file's own
 * size, down for a limit, so that a file just over the limit never reads as
 * equal to it).
 */
export function formatSize(bytes: number, round: (v: number) => number = Math.round): string {
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, "kB"] : [bytes / 1e6, "MB"];
  const shown = value < 100 ? round(value * 10) / 10 : round(value);
  return `${Number.isInteger(shown) ? shown : shown.toFixed(1)} ${unit}`;
}

/**
 * The error for a file over the limit, or null. Exported so the app can check
 * `File.size` before reading a huge file into memory.
 */
export function checkFileSize(bytes: number, maxBytes: number): string | null {
  if (bytes <= maxBytes) return null;
  return `The file is ${formatSize(bytes, Math.ceil)}; the limit is ${formatSize(maxBytes, Math.floor)}.`;
}
