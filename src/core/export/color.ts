/**
 * CSS colour strings to channels and back. Exchange formats store colours as
 * numbers (GEXF viz:color r/g/b/a, Gephi's GraphML r/g/b), the app as CSS.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** Opacity in [0, 1]. */
  a: number;
}

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^rgba?\(\s*([^)]*)\)$/i;

const clampByte = (v: number) => Math.min(255, Math.max(0, Math.round(v)));
const clampUnit = (v: number) => Math.min(1, Math.max(0, v));

function channel(text: string): number | null {
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  if (text === "" || !Number.isFinite(value)) return null;
  return clampByte(percent ? (value * 255) / 100 : value);
}

function alpha(text: string): number | null {
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  if (text === "" || !Number.isFinite(value)) return null;
  return clampUnit(percent ? value / 100 : value);
}

/** Channels of `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()` or `rgba()`; null for anything else. */
export function parseColor(css: string): Rgba | null {
  const text = css.trim();
  const hex = HEX.exec(text);
  if (hex) {
    let digits = hex[1]!;
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join("");
    const byte = (i: number) => parseInt(digits.slice(i, i + 2), 16);
    return { r: byte(0), g: byte(2), b: byte(4), a: digits.length === 8 ? byte(6) / 255 : 1 };
  }
  const fn = FUNCTIONAL.exec(text);
  if (!fn) return null;
  // Both the comma syntax and the CSS Color 4 space syntax ("r g b / a").
  const parts = fn[1]!.trim().split(/\s*,\s*|\s*\/\s*|\s+/);
  if (parts.length !== 3 && parts.length !== 4) return null;
  const [r, g, b] = parts.slice(0, 3).map(channel);
  const a = parts.length === 4 ? alpha(parts[3]!) : 1;
  if (r == null || g == null || b == null || a == null) return null;
  return { r, g, b, a };
}

const hexByte = (v: number) => v.toString(16).padStart(2, "0");

/** `#rrggbb` when opaque, `rgba(r,g,b,a)` otherwise. */
export function formatColor({ r, g, b, a }: Rgba): string {
  if (a >= 1) return `#${hexByte(r)}${hexByte(g)}${hexByte(b)}`;
  return `rgba(${r},${g},${b},${Math.round(a * 1000) / 1000})`;
}

/** A colour as read from another tool, in the app's canonical spelling; unknown spellings pass through. */
export function normalizeColor(css: string): string {
  const rgba = parseColor(css);
  return rgba ? formatColor(rgba) : css;
}
