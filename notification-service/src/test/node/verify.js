// Verifies Standard Webhooks signatures with the reference implementation (npm "standardwebhooks").
// Input (stdin): one JSON array of {secret, headers: {webhook-id, webhook-timestamp, webhook-signature}, body}.
// Output (stdout): a JSON array of {ok: boolean, error?: string}, one per input, in order.
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(({ secret, headers, body }) => {
    try {
      new Webhook(secret).verify(body, headers);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: String(e && e.message ? e.message : e) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
