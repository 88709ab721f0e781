import { describe, expect, it } from "vitest";
import { deploy, deploymentIdFrom, type DeployConfig, type DeployOps } from "../../scripts/deploy-plan";

/** clasp and the build as a script of calls: each build notes the deployment id it was built with. */
function fakeDeploy(initial: DeployConfig, answers: string[]) {
  let config = initial;
  const calls: string[] = [];
  const ops: DeployOps = {
    readConfig: () => config,
    writeConfig: (next) => {
      config = next;
      calls.push(`write ${next.webAppDeploymentId}`);
    },
    build: async () => {
      calls.push(`build ${config.webAppDeploymentId ?? "(none)"}`);
    },
    clasp: (args) => {
      calls.push(`clasp ${args.join(" ")}`);
      return args.includes("create-deployment") ? (answers.shift() ?? "error") : "";
    },
    log: () => {},
  };
  return { ops, calls, config: () => config };
}

describe("npm run deploy", () => {
  it("the first time creates the deployment, then rebuilds with its id so the pushed bundle links to /exec", async () => {
    const run = fakeDeploy({ webAppDeploymentId: null }, ['{"deploymentId":"AKfy-new","versionNumber":1}', '{"deploymentId":"AKfy-new","versionNumber":2}']);
    expect(await deploy(run.ops, "platina 0.1.0")).toBe("AKfy-new");
    expect(run.calls).toEqual([
      "build (none)",
      "clasp push --force",
      "clasp --json create-deployment --description platina 0.1.0",
      "write AKfy-new",
      "build AKfy-new",
      "clasp push --force",
      "clasp --json create-deployment --description platina 0.1.0 --deploymentId AKfy-new",
    ]);
    // The last push — what owners' mails come from — was built knowing the deployment.
    const lastBuild = run.calls.filter((c) => c.startsWith("build")).at(-1);
    expect(lastBuild).toBe("build AKfy-new");
    expect(run.config().webAppDeploymentId).toBe("AKfy-new");
  });

  it("later releases update the same deployment without creating another", async () => {
    const run = fakeDeploy({ webAppDeploymentId: "AKfy-abc" }, ["Deployed AKfy-abc @4"]);
    await deploy(run.ops, "platina 0.2.0");
    expect(run.calls).toEqual([
      "build AKfy-abc",
      "clasp push --force",
      "clasp --json create-deployment --description platina 0.2.0 --deploymentId AKfy-abc",
    ]);
  });

  it("stops with a clear message when clasp's answer has no id or names another deployment", async () => {
    await expect(deploy(fakeDeploy({ webAppDeploymentId: null }, ["error"]).ops, "d")).rejects.toThrow("デプロイ ID を読み取れませんでした");
    await expect(deploy(fakeDeploy({ webAppDeploymentId: "AKfy-abc" }, ['{"deploymentId":"AKfy-other"}']).ops, "d")).rejects.toThrow("別のデプロイ AKfy-other");
  });

  it("reads the deployment id from clasp's JSON or text output", () => {
    expect(deploymentIdFrom('{"deploymentId":"AKfy-new","version":3}')).toBe("AKfy-new");
    expect(deploymentIdFrom("Deployed AKfy-old @4")).toBe("AKfy-old");
    expect(deploymentIdFrom("error")).toBeNull();
  });
});
