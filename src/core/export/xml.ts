/** Text escaping shared by the hand-written XML writers (GraphML, SVG). */

// XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and unpaired surrogates even
// as character references; one of them makes a parser reject the whole file.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The string without the characters XML cannot carry at all. */
export function xmlSafe(value: string): string {
  return value.replace(INVALID_XML_CHARS, "");
}

/** Escapes element content. CR is written as a reference: parsers turn a literal CR into LF. */
export function escapeXmlText(value: string): string {
  return xmlSafe(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/**
 * Escapes an attribute value for double quotes. Tabs and line breaks become
 * references because attribute-value normalisation would turn them into spaces.
 */
export function escapeXmlAttribute(value: string): string {
  return xmlSafe(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
