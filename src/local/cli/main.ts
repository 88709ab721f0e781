// `platina`: run the built add-on offline against an .xlsx workbook (the program is program.ts).
import { processIo } from "./io";
import { runPlatina } from "./program";

// The add-on's local-time Date methods (new Date(y, m, d), getHours) follow the
// script's time zone in Apps Script (appsscript.json: Asia/Tokyo); so they do here.
process.env.TZ = "Asia/Tokyo";

process.exitCode = await runPlatina(process.argv.slice(2), processIo());
