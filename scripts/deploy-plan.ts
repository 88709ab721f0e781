// What `npm run deploy` asks clasp to do. The web app keeps one deployment whose
// id lives in deploy.json, so the links in follow-up mails stay valid across releases.

export interface DeployConfig {
  /** The web-app deployment to update; null before the first deploy. */
  webAppDeploymentId: string | null;
}

export function deployCommands(config: DeployConfig, description: string): string[][] {
  const deploy = ["--json", "create-deployment", "--description", description];
  if (config.webAppDeploymentId) deploy.push("--deploymentId", config.webAppDeploymentId);
  return [["push", "--force"], deploy];
}

/** The deployment id clasp reports (JSON with --json, or its "Deployed <id> @<version>" line). */
export function deploymentIdFrom(output: string): string | null {
  try {
    const parsed = JSON.parse(output) as { deploymentId?: string };
    if (parsed.deploymentId) return parsed.deploymentId;
  } catch {
    // not JSON: fall through to the text form
  }
  return /Deployed\s+(\S+)/.exec(output)?.[1] ?? null;
}
