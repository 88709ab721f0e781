// The demo's 担当者: every section address of 課題 has a 担当 and a 代理 on the demo's days,
// every 局区's 代表メール has someone, one person acts for two sections, one deputy left in April.
import { describe, expect, it } from "vitest";
import { DELEGATES } from "../../src/core/contracts/delegates";
import { actFor, addressesActedFor, addressesWithNobody, peopleFor, readDirectory } from "../../src/core/delegation";
import { demoWorkbook } from "../../src/demo";

const book = demoWorkbook();
const directory = readDirectory(book.担当者);
const column = (sheet: unknown[][], header: string) => sheet.slice(1).map((row) => String(row[sheet[0].indexOf(header)]));
const sections = [...new Set(column(book.課題, "担当者メール"))];
const bureauAddresses = column(book.局区, "代表メール");
const APRIL = "2026-04-01";
const NOVEMBER = "2026-11-25";
const SECRETARIAT = ["henkaku@city.example"];

describe("demo 担当者", () => {
  it("has the contract's headers and rows that all read without a problem", () => {
    expect(book.担当者[0]).toEqual([...DELEGATES.headers]);
    expect(directory.problems).toEqual([]);
    for (const row of book.担当者) expect(row).toHaveLength(DELEGATES.headers.length);
  });

  it("gives every section address of 課題 a 担当 and a 代理 from April on", () => {
    expect(sections).toHaveLength(31);
    for (const address of sections) {
      for (const day of [APRIL, NOVEMBER]) {
        expect(peopleFor(address, day, directory).map((d) => d.role), `${address} ${day}`).toEqual(["担当", "代理"]);
      }
    }
    expect(addressesWithNobody([...sections, ...bureauAddresses], NOVEMBER, directory)).toEqual([]);
  });

  it("lists someone for every 局区's 代表メール, by name", () => {
    expect(bureauAddresses).toHaveLength(29);
    for (const address of bureauAddresses) {
      const people = peopleFor(address, NOVEMBER, directory);
      expect(people.length, address).toBeGreaterThan(0);
      expect(people.every((d) => d.name !== "" && d.person !== address)).toBe(true);
    }
  });

  it("has one person acting for two sections, each address with its own name for one person", () => {
    const sectionsOf = new Map<string, Set<string>>();
    for (const d of directory.entries) if (sections.includes(d.address)) sectionsOf.set(d.person, (sectionsOf.get(d.person) ?? new Set()).add(d.address));
    const twoSections = [...sectionsOf].filter(([, addresses]) => addresses.size === 2);
    expect(twoSections).toHaveLength(1);
    const [person] = twoSections[0];
    expect(addressesActedFor(person, NOVEMBER, directory)).toHaveLength(3);
    const names = new Map<string, Set<string>>();
    for (const d of directory.entries) names.set(d.person, (names.get(d.person) ?? new Set()).add(d.name));
    expect([...names].filter(([, n]) => n.size > 1)).toEqual([]);
  });

  it("has a deputy whose period ended before the April transfers, refused after it", () => {
    const ended = directory.entries.filter((d) => d.end !== null && d.end < APRIL);
    expect(ended).toHaveLength(1);
    const [deputy] = ended;
    expect(deputy.role).toBe("代理");
    expect(actFor(deputy.person, deputy.address, "2026-03-31", directory, SECRETARIAT)).toMatchObject({ ok: true, by: "listed" });
    expect(actFor(deputy.person, deputy.address, NOVEMBER, directory, SECRETARIAT)).toMatchObject({ ok: false, reason: "lapsed" });
    // The successor starts on the day of the transfers: the section is never without a deputy.
    expect(peopleFor(deputy.address, "2026-03-31", directory).map((d) => d.person)).toContain(deputy.person);
    expect(peopleFor(deputy.address, APRIL, directory).map((d) => d.person)).not.toContain(deputy.person);
  });

  it("uses person addresses, never a section's own, for the people", () => {
    const listedAddresses = new Set(directory.entries.map((d) => d.address));
    expect(directory.entries.filter((d) => listedAddresses.has(d.person))).toEqual([]);
    expect(directory.entries.every((d) => d.person.endsWith("@city.example"))).toBe(true);
  });
});
