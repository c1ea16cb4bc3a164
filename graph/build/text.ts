/** Byte and line helpers of the build: UTF-8 checks and line numbers for messages. */

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the buffer is valid. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return i;
    if (i + extra >= buf.length) return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

/**
 * 1-based line of an offset into bytes or text. A line break is "\n", "\r\n"
 * or a lone "\r", as in YAML (and as js-yaml counts the lines of its errors),
 * so a file saved with old Mac line endings is located as well as any other.
 */
export function lineOfOffset(text: Uint8Array | string, offset: number): number {
  const end = Math.min(offset, text.length);
  const at = typeof text === "string" ? (i: number) => text.charCodeAt(i) : (i: number) => text[i]!;
  let line = 1;
  for (let i = 0; i < end; i++) {
    const c = at(i);
    // "\r\n" counts once: at its "\n".
    if (c === 0x0a || (c === 0x0d && (i + 1 >= text.length || at(i + 1) !== 0x0a))) line++;
  }
  return line;
}
