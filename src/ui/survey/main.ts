// The survey form: sent through google.script.run (see ../shared/answer-form.ts).
import { sendFormsThroughScriptRun } from "../shared/answer-form";

sendFormsThroughScriptRun();
