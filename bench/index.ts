// `npm run bench`: prints the project's speed figures. Nothing here asserts.
import { benchCustomFunctions } from "./custom-functions";
import { benchDurability } from "./durability";
import { benchFollowUp } from "./follow-up";
import { benchRuntime } from "./runtime";
import { benchWorkbench } from "./workbench";

console.log(`platina bench — node ${process.version}, ${new Date().toISOString()}`);
benchCustomFunctions();
await benchRuntime();
await benchDurability();
benchFollowUp();
await benchWorkbench();
