// Products and stock, live: every stock change arrives as JSON (StockChanges) with the product's counts after the
// change; the product's row is updated in place, and on a product's page its history is fetched again.
document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("products");
  if (!table) {
    return;
  }
  const lowStock = Number(table.dataset.lowStock);
  const source = new EventSource(table.dataset.live);
  // what the page is showing: live, or reconnecting (the browser retries by itself)
  source.addEventListener("open", () => (table.dataset.liveState = "open"));
  source.addEventListener("error", () => (table.dataset.liveState = "reconnecting"));

  function cell(row, field) {
    return row.querySelector('[data-field="' + field + '"]');
  }

  function number(row, field) {
    return Number(cell(row, field).textContent);
  }

  function status(row, discontinued, available) {
    row.classList.toggle("discontinued", discontinued);
    row.classList.toggle("low", !discontinued && available < lowStock);
    const badge = document.createElement("span");
    badge.className = "status" + (discontinued ? "" : available < lowStock ? " low" : " good");
    badge.textContent = discontinued ? "Discontinued" : available < lowStock ? "Low stock" : "On sale";
    cell(row, "status").replaceChildren(badge);
  }

  source.addEventListener("stock", (message) => {
    const change = JSON.parse(message.data);
    const row = table.querySelector('tr[data-product-id="' + CSS.escape(change.productId) + '"]');
    if (!row || Number(row.dataset.version) >= change.version) {
      return; // not on this page, or the page already shows this version
    }
    row.dataset.version = change.version;
    const available = change.available ?? number(row, "available");
    const reserved = change.reserved ?? number(row, "reserved");
    cell(row, "available").textContent = available;
    cell(row, "reserved").textContent = reserved;
    cell(row, "onHand").textContent = available + reserved;
    if (change.unitPrice !== undefined) {
      cell(row, "price").textContent = Number(change.unitPrice).toFixed(2) + " " + change.currency;
    }
    status(row, change.discontinued === true || row.classList.contains("discontinued"), available);
    if (table.dataset.history && window.htmx) {
      htmx.ajax("GET", table.dataset.history, { target: "#history", swap: "outerHTML" });
    }
  });
});
