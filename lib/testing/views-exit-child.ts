// A child process for lib/views/record-view.int.test.ts: records views through the app's entry
// point and exits at once, so only the synchronous last flush in process.on("exit") can write
// them. Run with tsx --conditions react-server (server-only). Argument: JSON
// {"articleIds": number[], "readers": number, "inFlight": boolean}. Every reader views every story
// twice (the second is a duplicate); with inFlight, a flush is started and left under way.
import { flushViews, recordView } from "@/lib/views/record-view";

const UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const { articleIds, readers, inFlight } = JSON.parse(process.argv[2] ?? "{}") as {
  articleIds: number[];
  readers: number;
  inFlight: boolean;
};
for (let i = 0; i < readers; i++) {
  for (const id of articleIds) {
    recordView(id, { address: `198.18.${i >> 8}.${i & 255}`, userAgent: UA });
    recordView(id, { address: `198.18.${i >> 8}.${i & 255}`, userAgent: UA });
  }
  // Half of the views are in a batch being written when the process exits.
  if (inFlight && i === Math.floor(readers / 2)) void flushViews();
}
process.exit(0);
