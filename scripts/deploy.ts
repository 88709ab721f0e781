// `npm run deploy`: build, push with clasp, and create or update the one web-app
// deployment (its id is kept in deploy.json — commit it so every release reuses it).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildAddon } from "./build";
import { deploy, type DeployConfig } from "./deploy-plan";

const root = join(import.meta.dirname, "..");
const configPath = join(root, "deploy.json");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const clasp = join(root, "node_modules", ".bin", "clasp");

await deploy(
  {
    readConfig: () => JSON.parse(readFileSync(configPath, "utf8")) as DeployConfig,
    writeConfig: (config) => writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`),
    build: buildAddon,
    clasp: (args) => execFileSync(clasp, args, { cwd: root, encoding: "utf8", stdio: ["inherit", "pipe", "inherit"] }),
    log: (message) => console.log(message),
  },
  `platina ${version} ${new Date().toISOString().slice(0, 10)}`,
);
