// Each vendor's first documented request, through fetch, against one sandbox started for the file: spawn
// `usage-sandbox serve --port 0`, read the `listening on URL` line, kill the child by its pid after the tests.
//
//   USAGE_SANDBOX=dist/usage-sandbox node --test examples/node/
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

const binary =
  process.env.USAGE_SANDBOX ??
  ["../../dist/usage-sandbox", "../../.build/debug/usage-sandbox"]
    .map((path) => new URL(path, import.meta.url).pathname)
    .find(existsSync) ??
  "usage-sandbox";

let sandbox;
let baseURL;

before(async () => {
  sandbox = spawn(binary, ["serve", "--port", "0", "--db", ":memory:"], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: sandbox.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once("line", resolve);
    sandbox.once("exit", (code) => reject(new Error(`the sandbox exited with ${code} before listening`)));
  });
  assert.match(first, /^listening on /);
  baseURL = first.slice("listening on ".length).trim();
  sandbox.stdout.resume(); // keep reading, so the pipe never fills
});

after(() => {
  sandbox?.kill("SIGTERM");
});

test("health names the version and commit", async () => {
  const health = await (await fetch(`${baseURL}/__admin/health`)).json();
  assert.equal(health.status, "ok");
  assert.match(health.commit, /^([0-9a-f]{40}|unknown)$/);
});

test("Hyalto: a token, then the accounts", async () => {
  const keys = { accessKey: "190.1fae4315-f50a-4c76-8213-1b9d79e43599", secretKey: "a6e81199-5318-4c29-ae47-01190958356e" };
  const token = await fetch(`${baseURL}/hyalto/accountManagement/auth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(keys),
  });
  assert.equal(token.status, 200);
  const { accessToken } = await token.json();
  const accounts = await fetch(`${baseURL}/hyalto/accountManagement/accounts`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  assert.equal(accounts.status, 200);
  assert.ok((await accounts.json()).length > 0);
});

test("Usage Engine: a client-credentials token", async () => {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: "usage-engine-demo-client",
    client_secret: "usage-engine-demo-secret-0123456789abcdef",
    audience: "https://api.digitalroute.io/",
  });
  const token = await fetch(`${baseURL}/usage-engine/authentication/v1/oauth/token`, { method: "POST", body });
  assert.equal(token.status, 200);
  assert.equal((await token.json()).token_type, "Bearer");
});

test("Zylo: the first page of subscriptions, and a 401 for a wrong secret", async () => {
  const page = await fetch(`${baseURL}/zylo/v1/subscriptions`, {
    headers: { Authorization: "Bearer zylo-demo-token:zylo-demo-secret" },
  });
  assert.equal(page.status, 200);
  assert.ok((await page.json()).subscriptions.length > 0);
  const wrong = await fetch(`${baseURL}/zylo/v1/subscriptions`, { headers: { Authorization: "Bearer zylo-demo-token:x" } });
  assert.equal(wrong.status, 401);
});

test("Mason: the account's aggregate for August 2020", async () => {
  const usage = await fetch(`${baseURL}/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z`, {
    headers: { Authorization: "basic mason-demo-key" },
  });
  assert.equal(usage.status, 200);
  assert.equal((await usage.json()).data[0].usage.date, "2020-08-01T00:00:00Z");
});
