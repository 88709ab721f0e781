import { describe, expect, it } from "vitest";
import { deployCommands, deploymentIdFrom } from "../../scripts/deploy-plan";

describe("npm run deploy", () => {
  it("creates the web-app deployment the first time and updates the same one afterwards", () => {
    expect(deployCommands({ webAppDeploymentId: null }, "platina 0.1.0")).toEqual([
      ["push", "--force"],
      ["--json", "create-deployment", "--description", "platina 0.1.0"],
    ]);
    expect(deployCommands({ webAppDeploymentId: "AKfy-abc" }, "platina 0.2.0")[1]).toEqual([
      "--json", "create-deployment", "--description", "platina 0.2.0", "--deploymentId", "AKfy-abc",
    ]);
  });

  it("reads the deployment id from clasp's JSON or text output", () => {
    expect(deploymentIdFrom('{"deploymentId":"AKfy-new","version":3}')).toBe("AKfy-new");
    expect(deploymentIdFrom("Deployed AKfy-old @4")).toBe("AKfy-old");
    expect(deploymentIdFrom("error")).toBeNull();
  });
});
