/* bilan dashboard: map, timeline, claims by source, flows and the annotated article view.
 * Everything comes from the JSON API of the same server; every view uses the same filters.
 * No framework and no network beyond this server: Leaflet and the basemap are bundled. */
"use strict";

const CATEGORIES = ["killed", "injured", "missing", "kidnapped", "arrested", "displaced",
  "evacuated", "affected", "population"];
const GROUPS = ["people", "civilians", "children", "women", "men", "security_forces",
  "armed_groups", "journalists", "aid_workers", "protesters", "migrants", "other"];
const COLORS = {killed: "#b42318", injured: "#f79009", missing: "#7a5af8", kidnapped: "#c11574",
  arrested: "#475467", displaced: "#1570ef", evacuated: "#0e9384", affected: "#a15c07",
  population: "#667085"};
const FILTER_KEYS = ["place", "period", "category", "group", "source", "actor"];
const MAX_ITEMS = 5000;

const state = {maxPage: 100, map: null, layers: null, flows: [], article: null};

/* ---------- small DOM and API helpers ---------- */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function status(message, isError) {
  const node = document.getElementById("status");
  node.textContent = message;
  node.classList.toggle("error", Boolean(isError));
}

function currentFilters() {
  const params = new URLSearchParams(window.location.search);
  const out = {};
  for (const key of FILTER_KEYS) if (params.get(key)) out[key] = params.get(key);
  return out;
}

async function getJSON(path, params) {
  const query = new URLSearchParams(params || {}).toString();
  const response = await fetch(query ? `${path}?${query}` : path, {headers: {Accept: "application/json"}});
  const body = await response.json();
  if (!response.ok) {
    const err = body && body.error ? `${body.error.code}: ${body.error.message}` : response.statusText;
    throw new Error(err);
  }
  return body;
}

async function getAll(path, filters) {
  const items = [];
  let offset = 0;
  while (offset !== null && items.length < MAX_ITEMS) {
    const page = await getJSON(path, {...filters, limit: state.maxPage, offset});
    items.push(...page.items);
    offset = page.next_offset;
  }
  return items;
}

/* ---------- formatting ---------- */
function fmtNumber(value) {
  return value === null || value === undefined ? "?" : Number(value).toLocaleString("fr-FR");
}

function fmtFigure(item) {
  const q = item.qualifier || "exact";
  if (q === "range" || q === "vague") return `${fmtNumber(item.low)}–${fmtNumber(item.high)}`;
  const prefix = {at_least: "≥ ", more_than: "> ", about: "~ ", up_to: "≤ ", less_than: "< "}[q] || "";
  return prefix + fmtNumber(item.value !== undefined && item.value !== null ? item.value : item.best);
}

function fmtEstimate(item) {
  const spread = item.low !== item.high && (item.low !== null || item.high !== null)
    ? ` (${fmtNumber(item.low)}–${fmtNumber(item.high)})` : "";
  return fmtNumber(item.best) + spread;
}

function fmtPeriod(period) {
  if (!period || (!period.start && !period.end)) return "";
  if (period.start === period.end || !period.end) return period.start;
  return `${period.start || "…"} → ${period.end}`;
}

const nameOf = (entity) => (entity ? entity.name || entity.text : "");
const placeOf = (place) => (place ? place.name || place.text : "");

/* ---------- filters ---------- */
function setupFilters() {
  const form = document.getElementById("filters");
  for (const [name, values] of [["category", CATEGORIES], ["group", GROUPS]]) {
    const select = form.elements[name];
    for (const value of values) select.append(el("option", {value}, value));
  }
  const fill = () => {
    const filters = currentFilters();
    for (const key of FILTER_KEYS) form.elements[key].value = filters[key] || "";
  };
  fill();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (form.elements[key].value.trim()) params.set(key, form.elements[key].value.trim());
    applyFilters(params);
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    applyFilters(new URLSearchParams());
    fill();
  });
  window.addEventListener("popstate", () => { fill(); refresh(); });
}

function applyFilters(params) {
  const query = params.toString();
  window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
  document.getElementById("filters").elements.period.value = params.get("period") || "";
  refresh();
}

/* ---------- map ---------- */
async function setupMap() {
  const map = L.map("map", {worldCopyJump: true, minZoom: 1, maxZoom: 14}).setView([30, 20], 2);
  map.attributionControl.addAttribution("Natural Earth (public domain) via world-atlas");
  const countries = await getJSON("/static/vendor/countries-110m.geojson");
  L.geoJSON(countries, {style: {color: "#98a2b3", weight: 0.6, fillColor: "#f2f4f7", fillOpacity: 1},
    interactive: false}).addTo(map);
  state.map = map;
  state.layers = L.layerGroup().addTo(map);
  state.flowLayer = L.layerGroup().addTo(map);
  map.on("zoomend", drawFlows);
  const legend = document.getElementById("legend");
  for (const c of CATEGORIES) legend.append(el("span", {}, el("i", {style: `background:${COLORS[c]}`}), c));
}

function radius(best) {
  return 4 + 6 * Math.log10(1 + Math.max(0, Number(best) || 0));
}

function claimList(claims) {
  return el("ul", {}, claims.map((c) => el("li", {},
    `${nameOf(c.source) || "article's own voice"}: ${fmtFigure(c)} `,
    el("a", {href: "#", onclick: (e) => { e.preventDefault(); openArticle(c.article_id, c.count_id); }},
      "read"))));
}

function drawIncidents(incidents) {
  state.layers.clearLayers();
  const bounds = [];
  for (const incident of incidents) {
    const p = incident.place;
    if (!p || p.lat === null || p.lon === null || p.lat === undefined) continue;
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: radius(incident.best), color: COLORS[incident.category], weight: incident.disagreement ? 3 : 1,
      fillColor: COLORS[incident.category], fillOpacity: 0.45, className: "incident-marker",
    });
    marker.bindPopup(() => el("div", {class: "incident-popup"},
      el("strong", {}, `${incident.category} (${incident.group}): ${fmtEstimate(incident)}`),
      el("div", {}, `${placeOf(p)} ${fmtPeriod(incident.period)}`),
      incident.disagreement ? el("div", {class: "disagree"}, "sources disagree") : null,
      claimList(incident.claims)));
    marker.addTo(state.layers);
    bounds.push([p.lat, p.lon]);
  }
  return bounds;
}

function arrowHead(from, to, size) {
  const map = state.map;
  const a = map.latLngToLayerPoint(from), b = map.latLngToLayerPoint(to);
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const corner = (delta) => map.layerPointToLatLng(L.point(
    b.x - size * Math.cos(angle + delta), b.y - size * Math.sin(angle + delta)));
  return [to, corner(0.45), corner(-0.45)];
}

function drawFlows() {
  if (!state.flowLayer) return;
  state.flowLayer.clearLayers();
  for (const flow of state.flows) {
    const o = flow.origin, d = flow.destination;
    if (!o || !d || o.lat === null || d.lat === null || o.lat === undefined || d.lat === undefined) continue;
    const from = L.latLng(o.lat, o.lon), to = L.latLng(d.lat, d.lon);
    const weight = 1.5 + 2 * Math.log10(1 + (Number(flow.best) || 0));
    const popup = () => el("div", {class: "flow-popup"},
      el("strong", {}, `${placeOf(o)} → ${placeOf(d)}: ${fmtFigure({...flow, value: flow.best})}`),
      el("div", {}, `${flow.category} ${fmtPeriod(flow.period)}`), claimList(flow.claims));
    const style = {color: COLORS[flow.category] || "#1570ef", weight, opacity: 0.8, className: "flow-arrow"};
    L.polyline([from, to], style).bindPopup(popup).addTo(state.flowLayer);
    L.polygon(arrowHead(from, to, 6 + 2 * weight), {...style, fillOpacity: 0.9, weight: 1})
      .bindPopup(popup).addTo(state.flowLayer);
  }
}

/* ---------- side tabs: articles, claims by source, flows ---------- */
function setupTabs() {
  for (const button of document.querySelectorAll(".tabs button")) {
    button.addEventListener("click", () => {
      for (const b of document.querySelectorAll(".tabs button")) b.classList.toggle("active", b === button);
      for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.id === `tab-${button.dataset.tab}`);
    });
  }
}

function drawArticles(articles) {
  const list = document.getElementById("article-list");
  list.replaceChildren(...articles.map((a) => el("li", {},
    el("a", {href: "#", class: "article-link", dataset: {id: a.id},
      onclick: (e) => { e.preventDefault(); openArticle(a.id); }}, a.title || a.id),
    el("div", {class: "meta"}, `${a.published || "undated"} · ${a.counts} counts · ${a.quotes} quotes · ${a.events} events`))));
  if (!articles.length) list.append(el("li", {class: "hint"}, "No article matches the filters."));
}

function drawClaims(incidents) {
  const sources = new Map();
  for (const i of incidents) for (const c of i.claims) {
    const name = nameOf(c.source) || "(article)";
    sources.set(name, (sources.get(name) || 0) + 1);
  }
  const columns = [...sources.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const head = el("tr", {}, el("th", {}, "incident"), el("th", {}, "best"), columns.map((s) => el("th", {}, s)));
  const rows = incidents.map((i) => {
    const figures = new Set(i.claims.map((c) => fmtFigure(c)));
    const disagree = i.disagreement || figures.size > 1;
    const cells = columns.map((name) => {
      const mine = i.claims.filter((c) => (nameOf(c.source) || "(article)") === name);
      return el("td", {class: "num"}, mine.map((c) => el("a", {href: "#",
        onclick: (e) => { e.preventDefault(); openArticle(c.article_id, c.count_id); }}, fmtFigure(c), " ")));
    });
    return el("tr", {class: disagree ? "disagree" : null},
      el("td", {}, `${i.category} · ${placeOf(i.place) || "?"} · ${fmtPeriod(i.period)}`),
      el("td", {class: "num"}, fmtEstimate(i)), cells);
  });
  const table = el("table", {class: "claims"}, el("thead", {}, head), el("tbody", {}, rows));
  document.getElementById("claims-table").replaceChildren(incidents.length ? table : el("p", {class: "hint"}, "No incident."));
}

function drawFlowTable(flows) {
  const zoom = (f) => {
    const ends = [f.origin, f.destination].filter((p) => p && p.lat !== null && p.lat !== undefined);
    if (ends.length) state.map.fitBounds(ends.map((p) => [p.lat, p.lon]), {padding: [60, 60], maxZoom: 12});
  };
  const rows = flows.map((f) => el("tr", {class: "flow-row", title: "show on the map",
    onclick: (e) => { if (!e.target.closest("a")) zoom(f); }},
    el("td", {}, placeOf(f.origin) || "?"), el("td", {}, placeOf(f.destination) || "?"),
    el("td", {class: "num"}, fmtFigure({...f, value: f.best})), el("td", {}, fmtPeriod(f.period)),
    el("td", {}, f.claims.map((c) => el("a", {href: "#",
      onclick: (e) => { e.preventDefault(); openArticle(c.article_id, c.count_id); }}, nameOf(c.source) || "article")))));
  const table = el("table", {}, el("thead", {}, el("tr", {},
    ["origin", "destination", "figure", "period", "source"].map((h) => el("th", {}, h)))), el("tbody", {}, rows));
  document.getElementById("flows-table").replaceChildren(flows.length ? table : el("p", {class: "hint"}, "No flow."));
}

/* ---------- timeline: people counted per day and category (bubbles) ---------- */
function drawTimeline(incidents) {
  const box = document.getElementById("timeline");
  const points = new Map();
  for (const i of incidents) {
    const day = i.period && (i.period.start || i.period.end);
    if (!day || i.best === null) continue;
    const key = `${i.category}|${day}`;
    points.set(key, (points.get(key) || 0) + Number(i.best));
  }
  if (!points.size) { box.replaceChildren(el("p", {class: "hint"}, "No dated incident.")); return; }
  const entries = [...points.entries()].map(([key, total]) => { const [category, day] = key.split("|"); return {category, day, total}; });
  const days = entries.map((e) => Date.parse(e.day));
  const lo = Math.min(...days), hi = Math.max(...days) || lo;
  const cats = CATEGORIES.filter((c) => entries.some((e) => e.category === c));
  const width = 1000, rowH = 34, left = 90, right = 30, height = cats.length * rowH + 24;
  const x = (day) => left + (hi === lo ? (width - left - right) / 2 : ((Date.parse(day) - lo) / (hi - lo)) * (width - left - right));
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const add = (parent, tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    parent.append(node);
    return node;
  };
  cats.forEach((c, row) => {
    const y = row * rowH + rowH / 2;
    add(svg, "line", {x1: left, x2: width - right, y1: y, y2: y, stroke: "#eaecf0"});
    add(svg, "text", {x: 4, y: y + 4, "font-size": 12, fill: COLORS[c]}, c);
  });
  for (const e of entries) {
    const y = cats.indexOf(e.category) * rowH + rowH / 2;
    const circle = add(svg, "circle", {cx: x(e.day), cy: y, r: Math.min(rowH / 2, 2 + 2.2 * Math.log10(1 + e.total)),
      fill: COLORS[e.category], class: "bubble"});
    add(circle, "title", {}, `${e.day} · ${e.category}: ${fmtNumber(e.total)}`);
    circle.addEventListener("click", () => {
      const params = new URLSearchParams(window.location.search);
      params.set("period", e.day);
      applyFilters(params);
    });
  }
  const axis = add(svg, "g", {class: "axis"});
  const ticks = hi === lo ? [lo] : [lo, lo + (hi - lo) / 2, hi];
  for (const t of ticks) {
    const day = new Date(t).toISOString().slice(0, 10);
    add(axis, "text", {x: x(day), y: height - 6, "text-anchor": "middle"}, day);
  }
  box.replaceChildren(svg);
}

/* ---------- article view: text with highlighted counts, quotes and sources ---------- */
function annotations(doc) {
  const out = [];
  const push = (kind, item, evidence) => {
    if (evidence && evidence.end > evidence.start) out.push({kind, item, start: evidence.start, end: evidence.end, id: `${kind}:${item.id || out.length}`});
  };
  for (const c of doc.counts) {
    push("count", c, c.evidence);
    if (c.source && c.source.evidence) push("source", {...c.source, id: `${c.id}-source`, of: c}, c.source.evidence);
  }
  for (const q of doc.quotes) {
    push("quote", q, q.evidence);
    if (q.speaker && q.speaker.evidence) push("source", {...q.speaker, id: `${q.id}-speaker`, of: q}, q.speaker.evidence);
  }
  return out;
}

function renderText(text, anns) {
  const cuts = new Set([0, text.length]);
  for (const a of anns) { cuts.add(Math.max(0, a.start)); cuts.add(Math.min(text.length, a.end)); }
  const sorted = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k], end = sorted[k + 1];
    const covering = anns.filter((a) => a.start <= start && a.end >= end);
    const piece = text.slice(start, end);
    if (!covering.length) { nodes.push(document.createTextNode(piece)); continue; }
    covering.sort((a, b) => (a.end - a.start) - (b.end - b.start));
    const kinds = [...new Set(covering.map((a) => a.kind))];
    nodes.push(el("span", {class: kinds.join(" "), dataset: {ann: covering.map((a) => a.id).join(" ")}}, piece));
  }
  return nodes;
}

function sentenceAround(text, start, end) {
  let s = start, e = end;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s--;
  while (e < text.length && !/[.!?\n]/.test(text[e])) e++;
  return text.slice(s, Math.min(text.length, e + 1)).trim();
}

function field(name, value) {
  return value === null || value === undefined || value === "" ? [] : [el("dt", {}, name), el("dd", {}, String(value))];
}

function showFact(ann) {
  const panel = document.getElementById("fact-panel");
  const text = state.article.text;
  const item = ann.item;
  let rows = [];
  if (ann.kind === "count") {
    rows = [...field("count", item.id), ...field("category", item.category), ...field("number", fmtFigure(item)),
      ...field("qualifier", item.qualifier), ...field("group", item.group),
      ...field("source", item.source ? nameOf(item.source) : "the article's own voice"),
      ...field("perpetrator", nameOf(item.perpetrator)), ...field("cause", item.cause),
      ...field("place", placeOf(item.place)), ...field("origin", placeOf(item.origin)),
      ...field("destination", placeOf(item.destination)), ...field("period", fmtPeriod(item.period)),
      ...field("part of", item.part_of), ...field("hedged", item.hedged ? "yes (conditional)" : null)];
  } else if (ann.kind === "quote") {
    rows = [...field("quote", item.id), ...field("speaker", nameOf(item.speaker) || "unknown"),
      ...field("role", item.speaker && item.speaker.role), ...field("verb", item.verb)];
  } else {
    rows = [...field("source", nameOf(item)), ...field("as written", item.text), ...field("role", item.role),
      ...field("kind", item.kind), ...field("of", item.of && item.of.id)];
  }
  panel.replaceChildren(
    el("h3", {class: `fact-kind hl-${ann.kind}`}, ann.kind),
    el("dl", {}, rows),
    el("h4", {}, "Evidence"), el("blockquote", {class: "evidence"}, text.slice(ann.start, ann.end)),
    el("h4", {}, "Sentence"), el("blockquote", {class: "sentence"}, sentenceAround(text, ann.start, ann.end)),
    el("div", {class: "hint"}, `characters ${ann.start}–${ann.end}`));
  for (const node of document.querySelectorAll("#article-text .selected")) node.classList.remove("selected");
  for (const node of document.querySelectorAll("#article-text [data-ann]")) {
    if (node.dataset.ann.split(" ").includes(ann.id)) node.classList.add("selected");
  }
}

async function openArticle(id, countId) {
  try {
    const stored = await getJSON(`/articles/${encodeURIComponent(id)}`);
    const anns = annotations(stored.document);
    state.article = {text: stored.text, anns};
    const panel = document.getElementById("article-panel");
    panel.hidden = false;
    document.getElementById("article-title").textContent = stored.article.title || stored.id;
    const box = document.getElementById("article-text");
    box.replaceChildren(...renderText(stored.text, anns));
    box.onclick = (event) => {
      const span = event.target.closest("[data-ann]");
      if (!span) return;
      const first = span.dataset.ann.split(" ")[0];
      const ann = anns.find((a) => a.id === first);
      if (ann) showFact(ann);
    };
    document.getElementById("fact-panel").replaceChildren(el("p", {class: "hint"},
      `${stored.document.counts.length} counts, ${stored.document.quotes.length} quotes. Click a highlight to see its fields.`));
    if (countId) {
      const ann = anns.find((a) => a.id === `count:${countId}`);
      if (ann) showFact(ann);
    }
    panel.scrollIntoView({behavior: "smooth", block: "start"});
  } catch (err) {
    status(`cannot open article ${id}: ${err.message}`, true);
  }
}

/* ---------- refresh all views with the current filters ---------- */
async function refresh() {
  const filters = currentFilters();
  status("loading…");
  try {
    const [articles, incidents, flows] = await Promise.all([
      getAll("/articles", filters), getAll("/incidents", filters), getAll("/flows", filters)]);
    const bounds = drawIncidents(incidents);
    state.flows = flows;
    drawFlows();
    for (const f of flows) for (const p of [f.origin, f.destination]) if (p && p.lat !== null && p.lat !== undefined) bounds.push([p.lat, p.lon]);
    if (bounds.length) state.map.fitBounds(bounds, {padding: [30, 30], maxZoom: 11});
    drawArticles(articles);
    drawClaims(incidents);
    drawFlowTable(flows);
    drawTimeline(incidents);
    const shown = Object.keys(filters).length ? ` (filtered: ${Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(", ")})` : "";
    status(`${articles.length} articles, ${incidents.length} incidents, ${flows.length} flows${shown}`);
    document.body.dataset.ready = "true";
  } catch (err) {
    status(err.message, true);
  }
}

async function main() {
  try {
    const health = await getJSON("/health");
    state.maxPage = Math.min(500, health.max_page || 100);
  } catch (err) {
    status(`the API does not answer: ${err.message}`, true);
    return;
  }
  setupFilters();
  setupTabs();
  document.getElementById("article-close").addEventListener("click", () => { document.getElementById("article-panel").hidden = true; });
  await setupMap();
  await refresh();
}

main();
