// `--domain` and `--strict-users`: whom Session.getActiveUser() names in `platina run`.
import { beforeAll, describe, expect, it } from "vitest";
import { platina as platinaIn } from "../../support/platina-cli";
import { tempDir } from "../../support/runtime";

const PERSON = "taro.jinji@city.example";

/** In-process: the options are the subject here, not the process. */
const platina = (cwd: string, ...args: string[]) => platinaIn(cwd, args);

let dir: string;
beforeAll(async () => {
  dir = tempDir("platina-cli-users-");
  const demo = await platina(dir, "demo", "book.xlsx");
  expect(demo.code, demo.stderr).toBe(0);
});

/** Who the sidebar is told is signed in, run from a sidebar as PERSON with the given options. */
async function sidebarUser(...options: string[]): Promise<string> {
  const run = await platina(dir, "run", "getSidebarContext", "--workbook", "book.xlsx", "--context", "sidebar", "--user", PERSON, ...options);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { result: { user: string } }).result.user;
}

describe("platina run: the Workspace domain", () => {
  it("names a user of city.example by default, nobody under --strict-users, nobody outside --domain", async () => {
    expect(await sidebarUser()).toBe(PERSON);
    expect(await sidebarUser("--strict-users")).toBe("");
    expect(await sidebarUser("--domain", "other.example")).toBe("");
  });

  it("refuses a consumer domain as the Workspace domain, in Japanese", async () => {
    const run = await platina(dir, "run", "getSidebarContext", "--workbook", "book.xlsx", "--domain", "gmail.com");
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Google Workspace のドメインではありません");
  });
});
