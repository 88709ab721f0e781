// `npm run deploy`: build, push with clasp, and create or update the one web-app
// deployment (its id is kept in deploy.json — commit it so every release reuses it).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildAddon } from "./build";
import { deployCommands, deploymentIdFrom, type DeployConfig } from "./deploy-plan";

const root = join(import.meta.dirname, "..");
const configPath = join(root, "deploy.json");
const config = JSON.parse(readFileSync(configPath, "utf8")) as DeployConfig;
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const clasp = join(root, "node_modules", ".bin", "clasp");

await buildAddon();
const [push, deploy] = deployCommands(config, `platina ${version} ${new Date().toISOString().slice(0, 10)}`);
execFileSync(clasp, push, { cwd: root, stdio: "inherit" });
const output = execFileSync(clasp, deploy, { cwd: root, encoding: "utf8" });
const id = deploymentIdFrom(output);
if (!id) throw new Error(`clasp の出力からデプロイ ID を読み取れませんでした:\n${output}`);
if (id !== config.webAppDeploymentId) {
  writeFileSync(configPath, `${JSON.stringify({ ...config, webAppDeploymentId: id }, null, 2)}\n`);
  console.log(`新しいウェブアプリのデプロイ ${id} を deploy.json に記録しました。コミットしてください。`);
} else {
  console.log(`ウェブアプリのデプロイ ${id} を更新しました（メールのリンクは変わりません）。`);
}
