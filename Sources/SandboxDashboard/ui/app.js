// The UsageSandbox QA dashboard: a client of the admin API only. Every value that came from a request is put on
// the page with textContent or an attribute, never parsed as HTML, so a path such as <img src=x onerror=…> shows as
// text. Polls the admin API every second; nothing here is kept but the admin token (sessionStorage, this tab only).
"use strict";

const ADMIN = "/__admin";
const TOKEN_KEY = "usage-sandbox-admin-token";
const KEEP = 1000; // journal entries held in the page, as many as the journal keeps by default
const CLASS_COLORS = { "1xx": "#8a96a3", "2xx": "#36a55a", "3xx": "#3f7fe0", "4xx": "#f08a24", "5xx": "#d63a3a",
  fault: "#8d3fd6" };

const state = {
  tab: "requests",
  entries: [], // newest first
  newest: 0,
  selected: null,
  paused: false,
  credentials: [],
  scenarios: [],
  clock: null,
  jobs: [],
  revealed: new Set(),
  tokenLifetimes: {},
  timer: null,
  busy: false,
};

const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null) continue;
    if (name === "text") node.textContent = String(value);
    else if (name === "className") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// MARK: the admin API

class Unauthorized extends Error {}

async function api(method, path, body) {
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = "Bearer " + token;
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await fetch(ADMIN + path, { method, headers, body: payload, cache: "no-store" });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (_) { json = null; }
  if (response.status === 401) throw new Unauthorized();
  if (!response.ok) {
    const error = new Error((json && json.error && json.error.message) || `${response.status} ${text.slice(0, 200)}`);
    error.status = response.status;
    error.problems = json && json.error && json.error.problems;
    throw error;
  }
  return json;
}

function showStatus(text) { $("status").textContent = text || ""; }

function needToken(message) {
  stopPolling();
  $("main").hidden = true;
  $("login").hidden = false;
  $("token-error").textContent = message || "";
  $("token-input").focus();
}

async function guarded(action, errorTarget) {
  try {
    if (errorTarget) errorTarget.textContent = "";
    await action();
  } catch (error) {
    if (error instanceof Unauthorized) {
      needToken(sessionStorage.getItem(TOKEN_KEY) ? "The token was refused." : "");
      return;
    }
    if (errorTarget) errorTarget.textContent = error.message;
    else showStatus(error.message);
  }
}

// MARK: start, tabs, polling

async function start() {
  await guarded(async () => {
    const credentials = await api("GET", "/credentials");
    $("login").hidden = true;
    $("main").hidden = false;
    state.credentials = credentials.credentials;
    state.tokenLifetimes = (await api("GET", "/stats")).tokenLifetimeSeconds || {};
    renderCredentialChoices();
    await tick();
    startPolling();
  });
}

function startPolling() {
  stopPolling();
  state.timer = setInterval(tick, 1000);
}

function stopPolling() {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
}

let ticks = 0;
async function tick() {
  if (state.busy) return;
  state.busy = true;
  await guarded(async () => {
    const tasks = [pollRequests(), pollRates(), pollClock()];
    if (state.tab === "scenarios") tasks.push(loadScenarios());
    if (state.tab === "clock") tasks.push(loadJobs());
    if (state.tab === "health" && ticks % 3 === 0) tasks.push(loadHealth());
    await Promise.all(tasks);
    showStatus("");
  });
  ticks += 1;
  state.busy = false;
}

function showTab(name) {
  state.tab = name;
  for (const button of document.querySelectorAll("#tabs button")) {
    button.classList.toggle("active", button.dataset.tab === name);
  }
  for (const section of document.querySelectorAll("section.tab")) section.hidden = section.id !== "tab-" + name;
  if (name === "credentials") guarded(loadCredentials);
  if (name === "scenarios") guarded(loadScenarios);
  if (name === "clock") guarded(loadJobs);
  if (name === "health") guarded(loadHealth);
}

// MARK: requests

async function pollRequests() {
  if (state.paused) return;
  // At most 200 new entries a second: more than anyone reads, and the page's cost to the server stays small under
  // load (a busier second shows its newest 200; the rest stay in the journal for a script to page through).
  const query = state.newest ? `?after=${state.newest}&limit=200` : "?limit=300";
  const page = await api("GET", "/requests" + query);
  const fresh = page.requests;
  if (fresh.length === 0) return;
  state.newest = Math.max(state.newest, fresh[0].sequence);
  state.entries = fresh.concat(state.entries).slice(0, KEEP);
  let newCredential = false;
  for (const entry of fresh) {
    if (entry.credential && !state.credentials.some((c) => c.id === entry.credential)) newCredential = true;
  }
  if (newCredential) await loadCredentials();
  renderVendorChoices();
  renderRequests();
}

function statusClass(status) { return status === 0 ? "0" : String(Math.floor(status / 100)); }

function displayPath(entry) {
  let path = entry.path;
  try { path = decodeURIComponent(path); } catch (_) { /* shown as sent */ }
  return entry.query ? path + "?" + entry.query : path;
}

function filtered() {
  const vendor = $("filter-vendor").value;
  const status = $("filter-status").value;
  const text = $("filter-path").value.trim().toLowerCase();
  const credential = $("filter-credential").value;
  return state.entries.filter((entry) =>
    (!vendor || (entry.vendor || "other") === vendor)
    && (!status || statusClass(entry.status) === status)
    && (!text || displayPath(entry).toLowerCase().includes(text))
    && (!credential || entry.credential === credential));
}

function renderRequests() {
  const rows = filtered();
  const body = clear($("requests").tBodies[0]);
  for (const entry of rows.slice(0, 300)) {
    const row = el("tr", { "data-sequence": entry.sequence, onclick: () => selectEntry(entry.sequence) },
      el("td", { className: "mono", text: entry.time.slice(11, 23) }),
      el("td", { text: entry.vendor || "other" }),
      el("td", { text: entry.method }),
      el("td", { className: "path", text: displayPath(entry) }),
      el("td", { className: "status s" + statusClass(entry.status),
        text: entry.status === 0 ? "fault: " + (entry.fault || "") : entry.status }),
      el("td", { text: entry.durationMs.toFixed(1) }),
      el("td", { className: "credential", text: entry.credentialLabel || "" }),
      el("td", { className: "rule", text: entry.matchedScenario || "" }));
    if (entry.sequence === state.selected) row.classList.add("selected");
    body.append(row);
  }
  $("request-count").textContent =
    `${rows.length} shown of ${state.entries.length}` + (rows.length > 300 ? " (newest 300 listed)" : "");
}

function selectEntry(sequence) {
  state.selected = sequence;
  const entry = state.entries.find((e) => e.sequence === sequence);
  if (!entry) return;
  $("detail").hidden = false;
  $("detail-id").textContent = entry.id;
  const summary = clear($("detail-summary"));
  const facts = [["time", entry.time], ["vendor", entry.vendor || "other"], ["method", entry.method],
    ["path", displayPath(entry)], ["status", entry.status], ["duration", entry.durationMs.toFixed(2) + " ms"],
    ["credential", entry.credentialLabel ? `${entry.credentialLabel} (${entry.credential})` : "unknown"],
    ["scenario rule", entry.matchedScenario || "none (the emulation answered)"], ["fault", entry.fault || "none"],
    ["listener", entry.listener]];
  for (const [name, value] of facts) summary.append(el("dt", { text: name }), el("dd", { text: value }));
  fillHeaders($("detail-request-headers"), entry.requestHeaders);
  fillHeaders($("detail-response-headers"), entry.responseHeaders);
  $("detail-body").textContent = entry.requestBody || "(no body)";
  $("curl").textContent = curlFor(entry);
  renderRequests();
}

function fillHeaders(table, headers) {
  clear(table);
  for (const name of Object.keys(headers || {}).sort()) {
    table.append(el("tr", {}, el("td", { text: name }), el("td", { className: "mono", text: headers[name] })));
  }
}

function shellQuote(text) { return "'" + String(text).replace(/'/g, "'\\''") + "'"; }

// The request as curl sends it to this sandbox. Secrets are masked in the journal; where the credential is known
// and its secret is the header (Zylo, Mason), the secret from the credential list is put back.
function curlFor(entry) {
  const url = location.origin + entry.path + (entry.query ? "?" + entry.query : "");
  const parts = ["curl", "-i", "-X", entry.method, shellQuote(url)];
  const credential = state.credentials.find((c) => c.id === entry.credential);
  const skip = new Set(["host", "content-length", "connection", "accept-encoding", "user-agent"]);
  for (const name of Object.keys(entry.requestHeaders || {}).sort()) {
    if (skip.has(name)) continue;
    let value = entry.requestHeaders[name];
    if (name === "authorization" && credential) {
      if (credential.vendor === "zylo") value = `Bearer ${credential.tokenId}:${credential.tokenSecret}`;
      if (credential.vendor === "mason") value = value.replace("***", credential.apiKey);
    }
    parts.push("-H", shellQuote(`${name}: ${value}`));
  }
  if (entry.requestBody) parts.push("--data-raw", shellQuote(entry.requestBody));
  return parts.join(" ");
}

async function copyCurl() {
  const text = $("curl").textContent;
  try {
    await navigator.clipboard.writeText(text);
    showStatus("curl command copied");
  } catch (_) {
    const range = document.createRange();
    range.selectNodeContents($("curl"));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    showStatus("select and copy the command below");
  }
}

function renderVendorChoices() {
  const select = $("filter-vendor");
  const known = new Set(Array.from(select.options).map((o) => o.value));
  for (const entry of state.entries) {
    const vendor = entry.vendor || "other";
    if (!known.has(vendor)) {
      known.add(vendor);
      select.append(el("option", { value: vendor, text: vendor }));
    }
  }
}

function credentialName(c) { return `${c.vendor}: ${c.label || c.id}${c.demo ? " (demo)" : ""}`; }

function renderCredentialChoices() {
  for (const id of ["filter-credential", "scenario-credential"]) {
    const select = $(id);
    const chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const credential of state.credentials) {
      select.append(el("option", { value: credential.id, text: credentialName(credential) }));
    }
    select.value = chosen;
  }
}

// MARK: chart

async function pollRates() {
  if (state.tab !== "requests") return;
  drawChart(await api("GET", "/rates?seconds=120"));
}

// One band per vendor that saw requests, each a stacked bar per second coloured by status class.
function drawChart(rates) {
  const chart = clear($("chart"));
  const width = chart.clientWidth || 800;
  const height = chart.clientHeight || 150;
  const vendors = [...new Set(rates.series.map((s) => s.vendor))];
  const legend = clear($("chart-legend"));
  const totals = {};
  for (const series of rates.series) {
    totals[series.statusClass] = (totals[series.statusClass] || 0) + series.counts.reduce((a, b) => a + b, 0);
  }
  for (const name of Object.keys(CLASS_COLORS)) {
    if (!totals[name]) continue;
    legend.append(el("span", {}, el("i", { className: "swatch c-" + name }), `${name} ${totals[name]}`));
  }
  if (vendors.length === 0) {
    const label = svg("text", { x: 8, y: 20, fill: "#5b6773" });
    label.textContent = "no vendor requests in the last 2 minutes";
    chart.append(label);
    return;
  }
  const left = 90;
  const band = height / vendors.length;
  const step = (width - left) / rates.seconds;
  vendors.forEach((vendor, row) => {
    const mine = rates.series.filter((s) => s.vendor === vendor);
    const perSecond = Array.from({ length: rates.seconds }, (_, i) => mine.reduce((sum, s) => sum + s.counts[i], 0));
    const peak = Math.max(1, ...perSecond);
    const top = row * band;
    const name = svg("text", { x: 4, y: top + band / 2 + 4, fill: "#1d232b", "font-size": 12 });
    name.textContent = `${vendor} (max ${peak}/s)`;
    chart.append(name, svg("line", { x1: left, x2: width, y1: top + band - 0.5, y2: top + band - 0.5,
      stroke: "#e3e7eb" }));
    for (let i = 0; i < rates.seconds; i += 1) {
      let y = top + band - 1;
      for (const series of mine) {
        const count = series.counts[i];
        if (!count) continue;
        const h = (count / peak) * (band - 4);
        y -= h;
        const bar = svg("rect", { x: left + i * step, y, width: Math.max(1, step - 1), height: h,
          fill: CLASS_COLORS[series.statusClass] || "#999", "data-class": series.statusClass });
        const tip = svg("title", {});
        tip.textContent = `${vendor} ${series.statusClass}: ${count} request(s), ${rates.seconds - i - 1} s ago`;
        bar.append(tip);
        chart.append(bar);
      }
    }
  });
}

// MARK: clock and jobs

async function pollClock() {
  state.clock = await api("GET", "/clock");
  renderClock();
}

function renderClock() {
  const clock = state.clock;
  if (!clock) return;
  $("clock-summary").textContent = `${clock.now} (${clock.mode})`;
  const detail = clear($("clock-detail"));
  const offset = clock.offsetSeconds === null || clock.offsetSeconds === undefined
    ? "frozen" : `${clock.offsetSeconds} s ahead of real time`;
  for (const [name, value] of [["now", clock.now], ["mode", clock.mode], ["offset", offset]]) {
    detail.append(el("dt", { text: name }), el("dd", { id: "clock-" + name, text: value }));
  }
}

// "90", "90s", "15m", "2h", "1d", "1h30m" → seconds, or null.
function parseDuration(text) {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const units = { s: 1, m: 60, h: 3600, d: 86400 };
  let total = 0;
  let rest = trimmed;
  const part = /^(\d+(?:\.\d+)?)\s*([smhd])\s*/;
  if (!rest) return null;
  while (rest) {
    const match = part.exec(rest);
    if (!match) return null;
    total += Number(match[1]) * units[match[2]];
    rest = rest.slice(match[0].length);
  }
  return total;
}

async function changeClock(body) {
  await guarded(async () => {
    state.clock = await api("POST", "/clock", body);
    renderClock();
    await loadJobs();
  }, $("clock-error"));
}

async function loadJobs() {
  const list = await api("GET", "/jobs");
  state.jobs = list.jobs;
  const body = clear($("jobs").tBodies[0]);
  const now = state.clock ? Date.parse(state.clock.now) : NaN;
  for (const job of state.jobs) {
    let ready = job.readyAt || "waiting for input";
    if (job.readyAt && !Number.isNaN(now)) {
      const left = Math.round((Date.parse(job.readyAt) - now) / 1000);
      ready += left > 0 ? ` (in ${left} s)` : "";
    }
    const actions = el("td", {});
    const finishable = !["COMPLETE", "COMPLETE_WITH_ERRORS", "FAILED"].includes(job.status);
    if (finishable) {
      actions.append(el("button", { type: "button", className: "finish", text: "Finish",
        onclick: () => forceJob(job.id, "COMPLETE") }));
    }
    if (job.kind === "export") {
      actions.append(el("button", { type: "button", className: "restart", text: "Restart",
        onclick: () => forceJob(job.id, "IN_PROGRESS") }));
    }
    body.append(el("tr", { "data-job": job.id },
      el("td", { text: job.vendor }), el("td", { text: job.kind }), el("td", { className: "mono", text: job.id }),
      el("td", { className: "mono", text: job.tenant }), el("td", { className: "job-status", text: job.status }),
      el("td", { text: job.createTime }), el("td", { text: ready }),
      el("td", { text: job.acceptedRows === null || job.acceptedRows === undefined
        ? "" : `${job.acceptedRows} / ${job.rejectedRows}` }),
      actions));
  }
  if (state.jobs.length === 0) {
    body.append(el("tr", {}, el("td", { colspan: 9, text: "no jobs yet: start a Zylo export or import" })));
  }
  renderTokens();
}

// Every token the journal saw issued (a 200 from a token endpoint), its expiry on the virtual clock, and whether it
// is still valid now: moving the clock shows tokens expire.
function renderTokens() {
  const body = clear($("tokens").tBodies[0]);
  const now = state.clock ? Date.parse(state.clock.now) : NaN;
  const issued = state.entries.filter((e) => e.method === "POST" && e.status === 200 && /\/token\/?$/.test(e.path)
    && state.tokenLifetimes[e.vendor]);
  for (const entry of issued.slice(0, 50)) {
    const expires = Date.parse(entry.time) + state.tokenLifetimes[entry.vendor] * 1000;
    const left = Math.round((expires - now) / 1000);
    body.append(el("tr", { "data-token": entry.sequence },
      el("td", { text: entry.vendor }), el("td", { text: entry.credentialLabel || "unknown" }),
      el("td", { text: entry.time }), el("td", { text: new Date(expires).toISOString() }),
      el("td", { className: left > 0 ? "token-state ok" : "token-state error",
        text: left > 0 ? `valid, ${left} s left` : "expired" })));
  }
  if (issued.length === 0) {
    body.append(el("tr", {}, el("td", { colspan: 5, text: "no Hyalto or Usage Engine token issued yet" })));
  }
}

async function forceJob(id, status) {
  await guarded(async () => {
    await api("POST", "/jobs/" + encodeURIComponent(id), { status });
    await loadJobs();
  }, $("job-error"));
}

// MARK: scenarios

async function loadScenarios() {
  const list = await api("GET", "/scenarios");
  state.scenarios = list.scenarios;
  const body = clear($("scenarios").tBodies[0]);
  for (const scenario of list.scenarios) {
    const counts = el("td", {});
    for (const rule of scenario.rules) {
      const totals = scenario.active.reduce((sum, activation) => {
        const mine = activation.rules.find((r) => r.name === rule);
        return mine ? [sum[0] + mine.matched, sum[1] + mine.hits] : sum;
      }, [0, 0]);
      counts.append(el("span", { className: "rulecount", "data-rule": rule,
        text: scenario.active.length ? `${rule}: ${totals[0]} / ${totals[1]}` : rule }));
    }
    const who = el("div", { className: "activation" });
    for (const activation of scenario.active) {
      const credential = state.credentials.find((c) => c.id === activation.credential);
      who.append(el("div", { text: `active for ${activation.credential
        ? (credential ? credentialName(credential) : activation.credential) : "everyone"}, state ${activation.state}` }));
    }
    const actions = el("td", {},
      el("button", { type: "button", className: "activate", text: "Activate",
        onclick: () => activateScenario(scenario.name) }));
    if (scenario.active.length) {
      actions.append(el("button", { type: "button", className: "deactivate", text: "Deactivate",
        onclick: () => deactivateScenario(scenario.name) }));
    }
    body.append(el("tr", { "data-scenario": scenario.name, className: scenario.active.length ? "active" : "" },
      el("td", {}, el("strong", { text: scenario.name }), el("div", { text: scenario.description }), who),
      el("td", { text: scenario.vendors.join(", ") }), counts, actions));
  }
}

async function activateScenario(name) {
  const credential = $("scenario-credential").value;
  await guarded(async () => {
    await api("POST", `/scenarios/${encodeURIComponent(name)}/activate`, credential ? { credential } : undefined);
    await loadScenarios();
  });
}

async function deactivateScenario(name) {
  await guarded(async () => {
    await api("POST", `/scenarios/${encodeURIComponent(name)}/deactivate`);
    await loadScenarios();
  });
}

async function uploadScenario() {
  const text = $("scenario-text").value;
  const result = $("scenario-result");
  const problems = clear($("scenario-problems"));
  result.className = "";
  result.textContent = "";
  try {
    const added = await api("POST", "/scenarios", text);
    result.className = "ok";
    result.textContent = `added scenario ${added.name}`;
    await loadScenarios();
  } catch (error) {
    if (error instanceof Unauthorized) return needToken("The token was refused.");
    result.className = "error";
    result.textContent = error.problems ? "The scenario was refused:" : error.message;
    if (error.problems) problems.append(problemTree(text, error.problems));
  }
}

// The document as an indented tree of its fields, each refusal shown on the line of the field it names (a missing
// field on the line of the object that lacks it).
function problemTree(text, problems) {
  let parsed = null;
  try { parsed = JSON.parse(text); } catch (_) { parsed = null; }
  const tree = el("div", { className: "tree" });
  const unplaced = problems.slice();
  const place = (path) => {
    const mine = [];
    for (let i = unplaced.length - 1; i >= 0; i -= 1) {
      if (unplaced[i].field === path) mine.unshift(unplaced.splice(i, 1)[0]);
    }
    return mine;
  };
  const line = (depth, label, value, path) => {
    const row = el("div", { "data-field": path });
    row.append("\u00a0".repeat(depth * 2) + label + (value === undefined ? "" : " " + value));
    return row;
  };
  const rows = [];
  const walk = (value, path, label, depth) => {
    const isObject = value && typeof value === "object";
    const row = line(depth, label, isObject ? (Array.isArray(value) ? "[" : "{") : JSON.stringify(value), path);
    rows.push([row, path]);
    if (isObject) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = Array.isArray(value) ? `${path}[${key}]` : (path ? `${path}.${key}` : key);
        walk(child, childPath, Array.isArray(value) ? `[${key}]` : `"${key}":`, depth + 1);
      }
    }
  };
  if (parsed !== null && typeof parsed === "object") walk(parsed, "", "", 0);
  // Fields named exactly first; then what is left goes to the nearest parent shown.
  for (const [row, path] of rows) {
    for (const problem of place(path)) attachProblem(row, problem);
  }
  for (const problem of unplaced.slice()) {
    let path = problem.field;
    let target = null;
    while (!target && path !== "") {
      const parent = path.replace(/(\.[^.[\]]*|\[\d+\])$/, "");
      path = parent === path ? "" : parent;
      const match = rows.find(([, p]) => p === path);
      if (match) target = match[0];
    }
    if (target) attachProblem(target, problem);
    else tree.append(el("div", { className: "bad" }, el("span", { className: "problem",
      "data-problem-field": problem.field, text: `${problem.field || "body"}: ${problem.message}` })));
  }
  for (const [row] of rows) tree.append(row);
  return tree;
}

function attachProblem(row, problem) {
  row.classList.add("bad");
  row.append(el("span", { className: "problem", "data-problem-field": problem.field,
    text: `← ${problem.field || "body"}: ${problem.message}` }));
}

async function readScenarioFile() {
  const file = $("scenario-file").files[0];
  if (!file) return;
  $("scenario-text").value = await file.text();
  await uploadScenario();
}

// MARK: credentials

async function loadCredentials() {
  const list = await api("GET", "/credentials");
  state.credentials = list.credentials;
  renderCredentialChoices();
  if (state.tab === "credentials") renderCredentials();
}

const SECRET_FIELDS = ["tokenSecret", "secretKey", "clientSecret", "apiKey"];

function renderCredentials() {
  const box = clear($("credentials"));
  const vendors = [...new Set(state.credentials.map((c) => c.vendor))];
  for (const vendor of vendors) {
    const table = el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "label" }), el("th", { text: "id" }),
      el("th", { text: "fields" }), el("th", { text: "created" }))));
    const body = el("tbody", {});
    for (const credential of state.credentials.filter((c) => c.vendor === vendor)) {
      const fields = el("td", {});
      for (const [name, value] of Object.entries(credential)) {
        if (["vendor", "id", "label", "demo", "createdAt"].includes(name)) continue;
        const secret = SECRET_FIELDS.includes(name);
        const shown = !secret || state.revealed.has(credential.id);
        const line = el("div", {}, `${name}: `, el("span", { className: secret ? "secret" : "mono",
          "data-field": name, text: shown ? (Array.isArray(value) ? value.join(" ") : value) : "••••••••" }));
        if (secret && !shown) {
          line.append(" ", el("button", { type: "button", className: "reveal", text: "reveal",
            onclick: () => { state.revealed.add(credential.id); renderCredentials(); } }));
        }
        fields.append(line);
      }
      body.append(el("tr", { "data-credential": credential.id },
        el("td", { text: (credential.label || "") + (credential.demo ? " (demo)" : "") }),
        el("td", { className: "mono", text: credential.id }), fields, el("td", { text: credential.createdAt })));
    }
    table.append(body);
    box.append(el("div", { className: "vendor-block" }, el("div", { className: "panel-title", text: vendor }), table));
  }
}

async function mint() {
  const vendor = $("mint-vendor").value;
  const label = $("mint-label").value.trim();
  await guarded(async () => {
    const credential = await api("POST", "/credentials", label ? { vendor, label } : { vendor });
    state.revealed.add(credential.id);
    $("mint-result").textContent = `minted ${credential.id}`;
    await loadCredentials();
  }, $("mint-result"));
}

// MARK: health and reset

async function loadHealth() {
  const stats = await api("GET", "/stats");
  const box = clear($("health"));
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const facts = [
    ["status", stats.status], ["vendors emulated", stats.emulatedVendors.join(", ")],
    ["version", `${stats.version} (${stats.commit})`], ["uptime", `${stats.uptimeSeconds} s`],
    ["virtual now", stats.now], ["store", `${stats.store.kind}, ${kib(stats.store.bytes)}`],
    ["credentials", stats.store.credentials], ["jobs", stats.store.jobs],
    ["journal", `${stats.journal.entries} of ${stats.journal.capacity} entries, ${kib(stats.journal.bytes)}`],
    ["active scenarios", stats.activeScenarios],
    ["in-memory state", stats.memory.map((m) => `${m.name} ${m.count}`).join(", ")],
  ];
  for (const [name, value] of facts) box.append(el("dt", { text: name }), el("dd", { text: value }));
}

async function reset() {
  $("reset-confirm").hidden = true;
  await guarded(async () => {
    await api("POST", "/reset");
    state.entries = [];
    state.selected = null;
    $("detail").hidden = true;
    $("reset-result").textContent = "reset done";
    renderRequests();
    await Promise.all([loadCredentials(), loadHealth()]);
  }, $("reset-result"));
}

// MARK: wiring

function wire() {
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  $("token-save").addEventListener("click", () => {
    sessionStorage.setItem(TOKEN_KEY, $("token-input").value);
    $("token-input").value = "";
    start();
  });
  $("token-input").addEventListener("keydown", (event) => { if (event.key === "Enter") $("token-save").click(); });
  for (const id of ["filter-vendor", "filter-status", "filter-credential"]) {
    $(id).addEventListener("change", renderRequests);
  }
  $("filter-path").addEventListener("input", renderRequests);
  $("pause").addEventListener("click", () => {
    state.paused = !state.paused;
    $("pause").textContent = state.paused ? "Resume" : "Pause";
  });
  $("clear-journal").addEventListener("click", () => guarded(async () => {
    await api("DELETE", "/requests");
    state.entries = [];
    renderRequests();
  }));
  $("detail-close").addEventListener("click", () => {
    $("detail").hidden = true;
    state.selected = null;
    renderRequests();
  });
  $("copy-curl").addEventListener("click", copyCurl);
  for (const button of document.querySelectorAll("button.advance")) {
    button.addEventListener("click", () => changeClock({ advance: Number(button.dataset.seconds) }));
  }
  $("advance-go").addEventListener("click", () => {
    const seconds = parseDuration($("advance-text").value);
    if (seconds === null) $("clock-error").textContent = "give a duration such as 90, 90s, 15m, 2h, 1d or 1h30m";
    else changeClock({ advance: seconds });
  });
  $("set-go").addEventListener("click", () => changeClock({ set: $("set-text").value.trim() }));
  $("freeze").addEventListener("click", () => changeClock({ freeze: true }));
  $("real").addEventListener("click", () => changeClock({ real: true }));
  $("scenario-upload").addEventListener("click", uploadScenario);
  $("scenario-file").addEventListener("change", readScenarioFile);
  for (const vendor of ["zylo", "mason", "hyalto", "usage-engine"]) {
    $("mint-vendor").append(el("option", { value: vendor, text: vendor }));
  }
  $("mint-go").addEventListener("click", mint);
  $("reset").addEventListener("click", () => { $("reset-confirm").hidden = false; });
  $("reset-no").addEventListener("click", () => { $("reset-confirm").hidden = true; });
  $("reset-yes").addEventListener("click", reset);
}

wire();
start();
