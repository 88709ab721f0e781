// What `npm run deploy` does, with clasp and the build injected so tests can
// follow it. The web app keeps one deployment whose id lives in deploy.json, so
// the links in follow-up mails stay valid across releases.

export interface DeployConfig {
  /** The web-app deployment to update; null before the first deploy. */
  webAppDeploymentId: string | null;
}

export interface DeployOps {
  readConfig(): DeployConfig;
  writeConfig(config: DeployConfig): void;
  /** Builds build/ from src/ and the deploy.json of that moment (the bundle's /exec links come from it). */
  build(): Promise<void>;
  /** Runs clasp with these arguments and returns what it printed. */
  clasp(args: string[]): string;
  log(message: string): void;
}

const PUSH = ["push", "--force"];

function createDeployment(description: string, id?: string): string[] {
  const args = ["--json", "create-deployment", "--description", description];
  return id ? [...args, "--deploymentId", id] : args;
}

/**
 * Pushes and deploys; returns the deployment id. The very first time there is no
 * id to build the /exec links from, so a deployment is created first and the
 * bundle is then rebuilt with its id and deployed to it: the first mails already
 * carry /exec links, never the editors-only /dev URL.
 */
export async function deploy(ops: DeployOps, description: string): Promise<string> {
  let config = ops.readConfig();
  let id = config.webAppDeploymentId;
  if (!id) {
    await ops.build();
    ops.clasp(PUSH);
    id = requireId(ops.clasp(createDeployment(description)));
    config = { ...config, webAppDeploymentId: id };
    ops.writeConfig(config);
    ops.log(`新しいウェブアプリのデプロイ ${id} を deploy.json に記録しました。コミットしてください。`);
  }
  await ops.build();
  ops.clasp(PUSH);
  const updated = requireId(ops.clasp(createDeployment(description, id)));
  if (updated !== id) throw new Error(`デプロイ ${id} を更新するはずが、別のデプロイ ${updated} が作られました。clasp deployments で確認してください。`);
  ops.log(`ウェブアプリのデプロイ ${id} を更新しました（メールのリンクは変わりません）。`);
  return id;
}

function requireId(output: string): string {
  const id = deploymentIdFrom(output);
  if (!id) throw new Error(`clasp の出力からデプロイ ID を読み取れませんでした:\n${output}`);
  return id;
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
