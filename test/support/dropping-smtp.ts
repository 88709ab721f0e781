// A bare SMTP server on loopback that drops the connection after receiving the
// n-th message, before answering it: the sender cannot know whether it arrived.
// It runs in its own thread, as MailApp blocks the calling one while it sends.
import { Worker } from "node:worker_threads";

export async function startDroppingSmtpServer(dropNth: number) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    const net = require("node:net");
    let messages = 0;
    const received = [];
    const server = net.createServer((socket) => {
      let buffer = "";
      let inData = false;
      let rcpt = [];
      const say = (line) => socket.write(line + "\\r\\n");
      say("220 dropping.test ESMTP");
      socket.on("error", () => undefined);
      socket.on("data", (chunk) => {
        buffer += chunk.toString("latin1");
        for (;;) {
          if (inData) {
            const end = buffer.indexOf("\\r\\n.\\r\\n");
            if (end < 0) return;
            buffer = buffer.slice(end + 5);
            inData = false;
            messages++;
            received.push(...rcpt);
            if (messages === workerData.dropNth) { socket.destroy(); return; }
            say("250 OK queued");
            continue;
          }
          const eol = buffer.indexOf("\\r\\n");
          if (eol < 0) return;
          const line = buffer.slice(0, eol);
          buffer = buffer.slice(eol + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") say("250 dropping.test");
          else if (verb === "MAIL") { rcpt = []; say("250 OK"); }
          else if (verb === "RCPT") { rcpt.push(/<([^>]*)>/.exec(line)[1]); say("250 OK"); }
          else if (verb === "DATA") { inData = true; say("354 go ahead"); }
          else if (verb === "QUIT") { say("221 bye"); socket.end(); }
          else say("250 OK");
        }
      });
    });
    server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
    parentPort.on("message", () => parentPort.postMessage({ received }));
    `,
    { eval: true, workerData: { dropNth } },
  );
  const next = <T>() => new Promise<T>((resolve, reject) => { worker.once("message", resolve); worker.once("error", reject); });
  const { port } = await next<{ port: number }>();
  return {
    port,
    /** The recipients of every message the server got whole, dropped one included, in order. */
    async received(): Promise<string[]> {
      const answer = next<{ received: string[] }>();
      worker.postMessage("received");
      return (await answer).received;
    },
    stop: () => worker.terminate(),
  };
}
