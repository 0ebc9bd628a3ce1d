// The ARLens dashboard: plain JavaScript over the public API (no build step). Every chart is an
// <img> whose URL works in any other dashboard tool; figures come from /v1/query as JSON.
"use strict";

const hash = new URLSearchParams(location.hash.slice(1));
const token = hash.get("token");
const state = { role: "viewer", asOf: null, entity: "", region: "" };

function withToken(url) {
  return token ? url + (url.includes("?") ? "&" : "?") + "access_token=" + encodeURIComponent(token) : url;
}

async function api(path, body) {
  const headers = { "Accept": "application/json" };
  if (token) headers["Authorization"] = "Bearer " + token;
  const init = body === undefined ? { headers } : { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(path, init);
  const json = await response.json().catch(() => null);
  if (!response.ok) throw { status: response.status, error: json && json.error };
  return json;
}

// ---- dates and the filter clause -------------------------------------------------------------

function monthsBefore(iso, n) {
  const [y, m, d] = iso.split("-").map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 - n + 1, 0)).getUTCDate();
  const isMonthEnd = d === new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = isMonthEnd ? lastDay : Math.min(d, lastDay);
  return new Date(Date.UTC(y, m - 1 - n, day)).toISOString().slice(0, 10);
}

function quoted(value) { return '"' + value.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"'; }

function where() {
  const parts = [];
  if (state.entity) parts.push("entity = " + quoted(state.entity));
  if (state.region) parts.push("region = " + quoted(state.region));
  return parts.length ? " where " + parts.join(" and ") : "";
}

function chartURL(query, width, height) {
  return withToken("/v1/chart?q=" + encodeURIComponent(query) + "&width=" + (width || 900) + "&height=" + (height || 420));
}

const charts = [
  ["Key figures (change vs last month)", (w, a) => `ar, overdue_rate, dso, cei${w} as of ${a}`],
  ["Aging by customer group", (w, a) => `aging by customer_group${w} as of ${a}`],
  ["Overdue rate by entity, last 12 months", (w, a) => `overdue_rate by entity monthly from ${monthsBefore(a, 12)} to ${a}${w}`],
  ["13-week cash forecast", (w, a) => `forecast collections weekly next 13 weeks${w} as of ${a}`],
  ["DSO and best possible DSO", (w, a) => `dso, bpdso monthly from ${monthsBefore(a, 12)} to ${a}${w}`],
  ["Top overdue customers", (w, a) => `overdue by customer${w} as of ${a} having overdue > 0 order by overdue desc limit 10 | chart horizontal_bar`],
  ["Aging by entity", (w, a) => `aging by entity${w} as of ${a}`],
  ["Overdue by region", (w, a) => `overdue by region${w} as of ${a} | chart donut`],
  ["Disputed balance by reason", (w, a) => `disputed by dispute_reason${w} as of ${a} | chart bar`],
  ["CEI by segment", (w, a) => `cei by segment${w} as of ${a} | chart bar`],
];

// ---- rendering -------------------------------------------------------------------------------

function formatValue(value, type, currency) {
  if (value === null || value === undefined) return "–";
  if (typeof value === "string") return value;
  switch (type) {
    case "money": return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case "ratio": return (value * 100).toFixed(1) + "%";
    case "percent": return value.toFixed(1) + "%";
    case "days": return value.toFixed(1);
    default: return String(value);
  }
}

function fillTable(table, result) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const column of result.columns) {
    const th = document.createElement("th");
    th.textContent = column.name;
    if (column.type === "string") th.className = "text";
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of result.rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const td = tr.insertCell();
      td.textContent = formatValue(value, result.columns[i].type, result.currency);
      if (result.columns[i].type === "string") td.className = "text";
      td.dataset.raw = value === null ? "" : String(value);
    });
  }
}

function showImage(img, url) {
  img.hidden = false;
  img.dataset.naturalWidth = "";
  img.onload = () => { img.dataset.naturalWidth = String(img.naturalWidth); };
  img.onerror = () => { img.dataset.naturalWidth = "0"; };
  img.src = url;
}

function renderCharts() {
  const section = document.getElementById("charts");
  section.replaceChildren();
  for (const [title, query] of charts) {
    const figure = document.createElement("figure");
    figure.className = "chart";
    const caption = document.createElement("h2");
    caption.textContent = title;
    const img = document.createElement("img");
    img.alt = title;
    figure.append(caption, img);
    section.appendChild(figure);
    showImage(img, chartURL(query(where(), state.asOf)));
  }
}

async function renderKPIs() {
  if (state.role === "viewer") { document.getElementById("kpis").hidden = true; return; }
  const query = `ar, overdue_rate, dso, cei monthly from ${monthsBefore(state.asOf, 1)} to ${state.asOf}${where()}`;
  const result = await api("/v1/query", { query });
  const [previous, current] = result.rows.length >= 2 ? result.rows.slice(-2) : [null, result.rows[0]];
  result.columns.forEach((column, i) => {
    const tile = document.querySelector(`.kpi[data-metric="${column.name}"]`);
    if (!tile) return;
    tile.querySelector(".value").textContent = formatValue(current[i], column.type, result.currency);
    tile.querySelector(".value").dataset.raw = String(current[i]);
    const change = tile.querySelector(".change");
    if (previous && previous[i] !== null && current[i] !== null) {
      const delta = current[i] - previous[i];
      const text = column.type === "money" ? (previous[i] ? (delta / Math.abs(previous[i]) * 100).toFixed(1) + "%" : "–")
        : column.type === "ratio" ? (delta * 100).toFixed(1) + " pts" : delta.toFixed(1) + (column.type === "days" ? " days" : " pts");
      change.textContent = (delta >= 0 ? "▲ " : "▼ ") + text.replace("-", "") + " vs last month";
      change.className = "change " + (delta >= 0 ? "up" : "down") + (column.name === "cei" ? " good" : "");
    }
  });
}

async function renderTopOverdue() {
  const table = document.getElementById("top-overdue");
  const query = `overdue, ar, overdue_rate by customer${where()} as of ${state.asOf} having overdue > 0 order by overdue desc limit 10`;
  const result = state.role === "viewer" ? await api(withToken("/v1/queries/top-overdue-customers.json")) : await api("/v1/query", { query });
  fillTable(table, result);
}

async function runARQL(text) {
  const error = document.getElementById("arql-error"), table = document.getElementById("arql-table"), img = document.getElementById("arql-chart");
  error.hidden = true;
  try {
    const result = await api("/v1/query", { query: text });
    if (Array.isArray(result) || !result.columns) {
      table.replaceChildren();
      error.hidden = false;
      error.textContent = Array.isArray(result) ? JSON.stringify(result, null, 1) : result.explain;
      img.hidden = true;
      return;
    }
    fillTable(table, result);
    showImage(img, chartURL(text));
  } catch (failure) {
    table.replaceChildren();
    img.hidden = true;
    error.hidden = false;
    error.textContent = failure.error ? (failure.error.rendered || failure.error.message + "\nhelp: " + failure.error.help) : "request failed";
    error.dataset.code = failure.error ? failure.error.code : "";
  }
}

async function refresh() {
  renderCharts();
  try {
    await Promise.all([renderKPIs(), renderTopOverdue()]);
  } catch (failure) {
    showStatus(failure.error ? failure.error.message : "cannot reach the server");
  }
  document.body.dataset.ready = "true";
}

function showStatus(text) {
  const status = document.getElementById("status");
  status.hidden = false;
  status.textContent = text;
}

function fillSelect(select, values, selected) {
  for (const value of values) {
    const option = document.createElement("option");
    option.value = option.textContent = value;
    option.selected = value === selected;
    select.appendChild(option);
  }
}

async function start() {
  try {
    const me = await api("/v1/me");
    state.role = me.role;
    document.getElementById("who").textContent = `${me.name} · ${me.role}` + (Object.keys(me.scope).length ? " · " + Object.entries(me.scope).map(([k, v]) => `${k} ${v.join(", ")}`).join(" · ") : "");
    const snapshots = await api("/v1/snapshots");
    const dates = [...new Set(snapshots.snapshots.map((s) => s.as_of))].reverse();
    state.asOf = dates[0];
    document.getElementById("snapshot").textContent = `snapshot ${snapshots.latest}`;
    fillSelect(document.getElementById("pick-asof"), dates, state.asOf);
    const [entities, regions] = await Promise.all([api("/v1/values/entity"), api("/v1/values/region")]);
    fillSelect(document.getElementById("pick-entity"), entities.values);
    fillSelect(document.getElementById("pick-region"), regions.values);
  } catch (failure) {
    showStatus(failure.status === 401 ? "this server needs an access token: open /#token=YOUR_TOKEN"
      : failure.error ? failure.error.message : "cannot reach the server");
    document.body.dataset.ready = "true";
    return;
  }
  if (state.role === "viewer") document.getElementById("arql").hidden = true;
  document.getElementById("pickers").addEventListener("change", () => {
    state.entity = document.getElementById("pick-entity").value;
    state.region = document.getElementById("pick-region").value;
    state.asOf = document.getElementById("pick-asof").value;
    refresh();
  });
  document.getElementById("arql-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runARQL(document.getElementById("arql-text").value);
  });
  const initial = hash.get("q");
  if (initial) document.getElementById("arql-text").value = initial;
  await Promise.all([refresh(), state.role === "viewer" ? null : runARQL(document.getElementById("arql-text").value)]);
}

start();
