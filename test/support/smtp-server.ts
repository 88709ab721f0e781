// A real SMTP server on loopback for tests (smtp-server), in its own thread:
// MailApp blocks the calling thread while it sends, so a server there could never answer.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export function startSmtpServer() {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    const { SMTPServer } = require(workerData.smtpServer);
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, done) {
        const chunks = [];
        stream.on("data", (chunk) => chunks.push(chunk));
        stream.on("end", () => {
          parentPort.postMessage({ raw: Buffer.concat(chunks), rcptTo: session.envelope.rcptTo.map((r) => r.address) });
          done();
        });
      },
    });
    server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.server.address().port }));
    `,
    { eval: true, workerData: { smtpServer: createRequire(import.meta.url).resolve("smtp-server") } },
  );
  const next = <T>() => new Promise<T>((resolve, reject) => { worker.once("message", resolve); worker.once("error", reject); });
  return { worker, next };
}

