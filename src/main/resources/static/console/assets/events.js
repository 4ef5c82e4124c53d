// The event search's live tail: while the box is ticked, new events arrive as table rows (rendered and escaped by
// the server, ConsoleLiveFeed) over one server-sent-event stream; the newest data-keep rows stay on the page.
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.getElementById("tail");
  if (!toggle) {
    return;
  }
  const section = document.getElementById("tail-section");
  const rows = document.getElementById("tail-rows");
  const status = document.getElementById("tail-status");
  const keep = Number(toggle.dataset.keep) || 50;
  let source = null;
  let received = 0;

  function start() {
    section.hidden = false;
    status.textContent = "Connecting…";
    source = new EventSource(toggle.dataset.source);
    source.addEventListener("open", () => {
      status.textContent = "Live: waiting for new events.";
    });
    source.addEventListener("events", (message) => {
      rows.insertAdjacentHTML("afterbegin", message.data);
      while (rows.rows.length > keep) {
        rows.deleteRow(rows.rows.length - 1);
      }
      received += 1;
      status.textContent = "Live: " + rows.rows.length + " new event(s) shown.";
    });
    source.addEventListener("error", () => {
      // the browser reconnects by itself; say so instead of failing silently
      status.textContent = "Reconnecting…";
    });
  }

  function stop() {
    if (source) {
      source.close();
      source = null;
    }
    status.textContent = received > 0 ? "Paused." : "";
  }

  toggle.addEventListener("change", () => (toggle.checked ? start() : stop()));
  if (toggle.checked) {
    start(); // the browser kept the box ticked across a reload
  }
});
