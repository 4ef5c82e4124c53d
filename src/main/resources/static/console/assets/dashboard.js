// The dashboard's charts (ECharts): drawn from /console/dashboard/charts when the page loads, when the period
// changes, and when the analytics stream (htmx's SSE extension, sse-connect on #dashboard) says figures changed.
(() => {
  "use strict";
  const ACCENT = "#0b5cad";
  const SECOND = "#116329";
  const FUNNEL = ["#0b5cad", "#2f73ba", "#4f8bc8", "#75a6d6", "#9cc1e8"];
  const charts = {};
  let refreshTimer = null;

  const byId = (id) => document.getElementById(id);

  function period() {
    return byId("window").value;
  }

  async function refresh() {
    const response = await fetch("/console/dashboard/charts?window=" + encodeURIComponent(period()), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.ok) {
      draw(await response.json());
    }
  }

  // several changes in a row are drawn once
  function refreshSoon() {
    if (refreshTimer === null) {
      refreshTimer = window.setTimeout(() => {
        refreshTimer = null;
        refresh();
      }, 100);
    }
  }

  function draw(data) {
    byId("sales-currency").textContent = "(" + data.sales.currency + ")";
    charts.sales.setOption({
      animation: false,
      grid: { left: 48, right: 64, top: 36, bottom: 32 },
      tooltip: { trigger: "axis" },
      legend: { data: ["Orders", "Revenue"], top: 0 },
      xAxis: { type: "category", data: data.sales.labels, axisTick: { alignWithLabel: true } },
      yAxis: [
        { type: "value", name: "Orders", minInterval: 1 },
        { type: "value", name: "Revenue", splitLine: { show: false } },
      ],
      series: [
        { name: "Orders", type: "bar", data: data.sales.orders, itemStyle: { color: ACCENT } },
        { name: "Revenue", type: "line", yAxisIndex: 1, data: data.sales.revenue, showSymbol: false,
          itemStyle: { color: SECOND } },
      ],
    });
    charts.funnel.setOption({
      animation: false,
      tooltip: { trigger: "item", formatter: "{b}: {c}" },
      series: [{
        type: "funnel", sort: "none", left: "5%", width: "90%", top: 8, bottom: 8, minSize: "8%", gap: 2,
        label: { show: true, position: "inside", formatter: "{b}: {c}", color: "#ffffff" },
        data: data.funnel.map((step, i) => ({ name: step.name, value: step.value, itemStyle: { color: FUNNEL[i] } })),
      }],
    });
    const exits = byId("funnel-exits");
    exits.replaceChildren(...data.exits.slice(0, 5).map((exit) => {
      const item = document.createElement("li");
      item.textContent = exit.name + ": " + exit.value;
      return item;
    }));
    const products = data.products.slice().reverse();
    charts.products.setOption({
      animation: false,
      grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: products.map((p) => p.name) },
      series: [{
        name: "Revenue", type: "bar", data: products.map((p) => p.revenue), itemStyle: { color: ACCENT },
        label: { show: true, position: "right", formatter: (p) => units(products[p.dataIndex].units) },
      }],
    });
    byId("dashboard").dataset.drawn = String(Number(byId("dashboard").dataset.drawn || 0) + 1);
  }

  function units(count) {
    return count === 1 ? "1 unit" : count + " units";
  }

  function start() {
    if (!window.echarts || !byId("dashboard")) {
      return;
    }
    charts.sales = echarts.init(byId("sales-chart"));
    charts.funnel = echarts.init(byId("funnel-chart"));
    charts.products = echarts.init(byId("products-chart"));
    window.addEventListener("resize", () => Object.values(charts).forEach((chart) => chart.resize()));
    byId("window").addEventListener("change", refresh);
    refresh();
  }

  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("htmx:sseMessage", refreshSoon);
  document.addEventListener("htmx:sseOpen", () => {
    byId("dashboard").dataset.live = "open";
    byId("live-state").textContent = "Live";
  });
  document.addEventListener("htmx:sseError", () => {
    byId("dashboard").dataset.live = "reconnecting";
    byId("live-state").textContent = "Reconnecting…";
  });
})();
