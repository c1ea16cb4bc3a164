import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CSV_COLUMNS, csvField, toCsv } from "../../src/core/export/csv";
import { parseCsv } from "./export-helpers";
import { fixtureGraph } from "./export-fixture";

const BOM = "\uFEFF";

function table(text: string): Record<string, string>[] {
  expect(text.startsWith(BOM)).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual([...CSV_COLUMNS]);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

describe("toCsv", () => {
  test("BOM, CRLF line endings, no bare LF outside quoted fields", () => {
    const text = toCsv(fixtureGraph());
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // Every LF of the record structure is preceded by CR; the only other LFs sit inside a quote.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, "");
    expect(unquoted).not.toMatch(/[^\r]\n/);
  });

  test("one row per evidence entry, with the triple, article and quote", () => {
    const g = fixtureGraph();
    const rows = table(toCsv(g));
    const total = g.reduceEdges((n, _, a) => n + a.evidence.length, 0);
    expect(rows).toHaveLength(total);

    const meets = rows.filter((r) => r["edge id"] === "abe|meets|russia");
    expect(meets).toHaveLength(2);
    expect(meets[0]).toEqual({
      subject: 'Shinzō Abe <PM> & "friend"',
      relation: "meets",
      object: "Russia",
      family: "neutral",
      directed: "false",
      date: "2016-12-15",
      "article title": 'Talks on the "Northern Territories", again',
      quote: 'Abe said: "We talked, at length,\nabout the islands."',
      publisher: "Kyodo",
      "article date": "2016-12-15",
      "article id": "a1",
      "subject id": "abe",
      "relation id": "meets",
      "object id": "russia",
      "edge id": "abe|meets|russia",
    });
    expect(meets[1]!.quote).toBe("A second, shorter quote");
    expect(meets[1]!.date).toBe("2016-12");

    const sanctions = rows.find((r) => r["edge id"] === "japan|sanctions|russia")!;
    expect(sanctions.quote).toBe('Tokyo joined the G7 sanctions; "reluctantly".');
    expect(sanctions["article title"]).toBe("Sanctions & <consequences>");
    expect(sanctions.relation).toBe("imposes sanctions on");
  });

  test("a relation without evidence still gets a row", () => {
    const g = fixtureGraph();
    g.setEdgeAttribute("japan|courts|russia", "evidence", []);
    const rows = table(toCsv(g));
    const row = rows.find((r) => r["edge id"] === "japan|courts|russia")!;
    expect([row.date, row.quote, row["article title"], row["article id"]]).toEqual(["2016", "", "", ""]);
  });

  test("quotes with commas, quotation marks, CR and LF survive any text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("a", ",", '"', "\r", "\n", " ", "é", "'") }), { minLength: 1, maxLength: 5 }),
        (quotes) => {
          const g = fixtureGraph();
          g.setEdgeAttribute(
            "japan|courts|russia",
            "evidence",
            quotes.map((quote) => ({ article: "a1", quote, date: "2016" })),
          );
          const rows = table(toCsv(g)).filter((r) => r["edge id"] === "japan|courts|russia");
          // A cell that a spreadsheet would run as a formula is protected by one leading apostrophe.
          expect(rows.map((r) => r.quote)).toEqual(quotes.map((q) => (/^[=+\-@\t\r]/.test(q) ? `'${q}` : q)));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("csvField quotes only when needed", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(csvField("")).toBe("");
  });

  test("cells a spreadsheet would run as formulas start with an apostrophe (OWASP)", () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField("+SUM(1,2)")).toBe('"\'+SUM(1,2)"');
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@cmd|' /C calc'!A0")).toBe("'@cmd|' /C calc'!A0");
    expect(csvField("\tx")).toBe("'\tx");
    expect(csvField("\rx")).toBe('"\'\rx"');
    expect(csvField("a=b")).toBe("a=b");
    const g = fixtureGraph();
    g.setNodeAttribute("japan", "label", "=1+1");
    g.setEdgeAttribute("japan|courts|russia", "evidence", [{ article: "a1", quote: "@SUM(A1)", date: "2016" }]);
    const rows = table(toCsv(g));
    const row = rows.find((r) => r["edge id"] === "japan|courts|russia")!;
    expect([row.subject, row.quote]).toEqual(["'=1+1", "'@SUM(A1)"]);
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("an empty graph is just the header", () => {
    const g = fixtureGraph();
    g.clear();
    expect(toCsv(g)).toBe(BOM + CSV_COLUMNS.join(",") + "\r\n");
  });
});
