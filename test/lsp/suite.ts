/** Set-up shared by the suites that talk to one server over stdio. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before } from "node:test";
import { TestClient } from "./client";

/**
 * Starts a server before the tests of the enclosing `describe` and stops it after them. With a
 * `workspace` name the server gets an empty temporary workspace folder (no `.cto-charter.json`, so
 * its options are the defaults a fresh analysis uses), removed afterwards; without one, the
 * repository. `use` receives the client once it has started.
 */
export function serverPerSuite(use: (client: TestClient) => void, workspace?: string): void {
  let client: TestClient | undefined;
  let folder: string | undefined;
  before(async () => {
    folder = workspace ? fs.mkdtempSync(path.join(os.tmpdir(), `cto-charter-${workspace}-`)) : undefined;
    client = await TestClient.start(folder ? { folder } : {});
    use(client);
  });
  after(async () => {
    await client?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });
}
