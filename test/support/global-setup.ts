// Tests run the built bundle, exactly what clasp pushes: build it first.
import { buildAddon } from "../../scripts/build";

export default async function setup(): Promise<void> {
  await buildAddon();
}
