// Tests run the built bundle, exactly what clasp pushes, and the compiled CLI users run: build both first.
import { buildAddon, buildLocalRuntime } from "../../scripts/build";

export default async function setup(): Promise<void> {
  await buildAddon();
  await buildLocalRuntime();
}
