// The order page's small behaviours (no inline scripts: the console's CSP allows only files like this one).

// A refused time-travel request (a bad instant, a version the order never had) answers with a short notice: show it
// where the answer would have gone, instead of htmx's default of dropping 4xx answers.
document.addEventListener("htmx:beforeSwap", (event) => {
  const target = event.detail.target;
  if (target && target.hasAttribute("data-swap-errors") && event.detail.xhr.status >= 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// The slider says which version it is on while it moves, with the mouse or the arrow keys.
document.addEventListener("input", (event) => {
  if (event.target.id === "travel-version") {
    const shown = document.getElementById("travel-version-shown");
    if (shown) {
      shown.textContent = event.target.value;
    }
  }
});

// When the order changes live, the slider reaches its new versions (without moving the one it is on).
document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target.id !== "order-live") {
    return;
  }
  const facts = event.detail.target.querySelector("[data-latest-version]");
  const slider = document.getElementById("travel-version");
  if (facts && slider) {
    const latest = facts.getAttribute("data-latest-version");
    const wasAtLatest = slider.value === slider.max;
    slider.max = latest;
    if (wasAtLatest) {
      slider.value = latest;
      document.getElementById("travel-version-shown").textContent = latest;
    }
    document.getElementById("travel-latest").textContent = latest;
  }
});
